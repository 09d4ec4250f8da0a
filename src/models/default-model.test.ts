import { describe, expect, it } from 'vitest';
import { findTask } from '../tasks/registry';
import type { TaskMeta } from '../tasks/types';
import { hostTagsFor, noModelMessage, resolveHostDefault, type HostProbe } from './default-model';

const meta = (id: string): TaskMeta => findTask(id)!.meta;

/** A host that has `models` (id → pipeline tag, in download order). */
function fakeHost(models: Record<string, string>, options: { searchFails?: boolean } = {}): HostProbe & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    has: async (id) => {
      asked.push(`has ${id}`);
      return Object.hasOwn(models, id);
    },
    search: async (tag) => {
      asked.push(tag);
      if (options.searchFails) throw new Error('host.test does not answer model searches (HTTP 404).');
      return Object.entries(models).filter(([, t]) => t === tag).map(([id]) => id);
    },
  };
}

describe('resolveHostDefault', () => {
  it('asks a host that answers the search no per-model question (each model it lacks would be a 404)', async () => {
    const host = fakeHost({ 'Megvii-BaseDetection/yolox-nano': 'object-detection' });
    await resolveHostDefault(meta('object-detection'), host);
    expect(host.asked.filter((q) => q.startsWith('has '))).toEqual([]);
  });

  it('asks a host that answers no search for each curated model instead', async () => {
    const host = fakeHost({ 'Megvii-BaseDetection/yolox-nano': 'object-detection' }, { searchFails: true });
    const found = await resolveHostDefault(meta('object-detection'), host);
    expect(found.status === 'found' && found.model).toBe('Megvii-BaseDetection/yolox-nano');
    expect(host.asked.some((q) => q.startsWith('has '))).toBe(true);
  });

  it('picks the first curated model the host has, even when another is more downloaded', async () => {
    const host = fakeHost({ 'tiny-random/other-od': 'object-detection', 'Megvii-BaseDetection/yolox-nano': 'object-detection' });
    const found = await resolveHostDefault(meta('object-detection'), host);
    expect(found).toEqual({ status: 'found', model: 'Megvii-BaseDetection/yolox-nano', hostModels: ['Megvii-BaseDetection/yolox-nano', 'tiny-random/other-od'] });
  });

  it('keeps the curated order when the host has several curated models', async () => {
    const host = fakeHost({ 'karpathy/tinyllamas-stories260K': 'text-generation', 'HuggingFaceTB/SmolLM2-135M-Instruct': 'text-generation' });
    const found = await resolveHostDefault(meta('chat'), host);
    expect(found.status === 'found' && found.model).toBe('HuggingFaceTB/SmolLM2-135M-Instruct');
  });

  it("falls back to the host's most downloaded model for the task's pipeline tag", async () => {
    const host = fakeHost({ 'tiny-random/bert-fill-mask': 'fill-mask', 'zzz/second': 'fill-mask', 'tiny-random/bert-nli': 'zero-shot-classification' });
    const found = await resolveHostDefault(meta('fill-mask'), host);
    expect(found).toEqual({ status: 'found', model: 'tiny-random/bert-fill-mask', hostModels: ['tiny-random/bert-fill-mask', 'zzz/second'] });
  });

  it('searches the extra tags a task can run, best first (translation runs text2text models)', async () => {
    const host = fakeHost({ 'tiny-random/t5-text2text': 'text2text-generation' });
    const found = await resolveHostDefault(meta('translation'), host);
    expect(host.asked).toEqual(['translation', 'text2text-generation']);
    expect(found.status === 'found' && found.model).toBe('tiny-random/t5-text2text');
  });

  it('maps app tasks to the pipeline they run on (chat → text-generation, search → sentence embeddings)', () => {
    expect(hostTagsFor(meta('chat'))).toEqual(['text-generation']);
    expect(hostTagsFor(meta('semantic-search'))).toEqual(['sentence-similarity', 'feature-extraction']);
    expect(hostTagsFor(meta('recommendation'))).toEqual(['sentence-similarity', 'feature-extraction']);
    expect(hostTagsFor(meta('background-removal'))).toEqual(['background-removal']);
    expect(hostTagsFor(meta('token-classification'))).toEqual(['token-classification']);
  });

  it('says none when the host has nothing for the task, and why when its search failed', async () => {
    expect(await resolveHostDefault(meta('question-answering'), fakeHost({ 'a/b': 'fill-mask' }))).toEqual({ status: 'none' });
    const failed = await resolveHostDefault(meta('question-answering'), fakeHost({}, { searchFails: true }));
    expect(failed).toEqual({ status: 'none', searchError: 'host.test does not answer model searches (HTTP 404).' });
  });

  it('a host without search still offers the curated models it has', async () => {
    const host = { ...fakeHost({ 'minishlab/potion-base-4M': 'feature-extraction' }, { searchFails: true }) };
    const found = await resolveHostDefault(meta('semantic-search'), host);
    expect(found).toEqual({ status: 'found', model: 'minishlab/potion-base-4M', hostModels: ['minishlab/potion-base-4M'] });
  });

  it('a model check that throws counts as absent', async () => {
    const host: HostProbe = { has: async () => Promise.reject(new TypeError('Failed to fetch')), search: async () => ['x/y'] };
    expect(await resolveHostDefault(meta('depth-estimation'), host)).toEqual({ status: 'found', model: 'x/y', hostModels: ['x/y'] });
  });
});

describe('noModelMessage', () => {
  it('names the host, the task and what to put where', () => {
    const { message, hint } = noModelMessage(meta('token-classification'), 'http://127.0.0.1:8089/');
    expect(message).toBe('127.0.0.1:8089 has no model for Named entities (NER): none tagged token-classification.');
    expect(hint).toContain('MODELS_DIR');
    expect(hint).toContain('Local folder');
  });
});
