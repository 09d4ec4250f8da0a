import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DynamicCache, InterruptableStoppingCriteria, LlamaForCausalLM, PretrainedConfig, Tensor, random } from '@huggingface/transformers';
import { generateLean, leanSession, type LeanModel, type OrtTensorLike } from './lean-decode';

// A fake Llama-shaped session: its cache holds the token ids it has seen, and its logits depend on all of them
// and on the positions it is given, so a wrong cache, mask or position changes the tokens. Both Transformers.js'
// own generate() (on a real LlamaForCausalLM around this session) and the lean loop drive it.
const VOCAB = 37;
const LAYERS = 2;
// Transformers.js for Node wraps session outputs that are onnxruntime-node's own Tensor class (loaded with require).
const OrtTensor = (createRequire(import.meta.url)('onnxruntime-node') as { Tensor: new (t: string, d: unknown, s: number[]) => OrtTensorLike }).Tensor;

interface FakeLog {
  feeds: Record<string, OrtTensorLike>[];
  outputs: Record<string, OrtTensorLike>[];
}

function fakeSession(log: FakeLog) {
  const inputNames = ['input_ids', 'attention_mask', 'position_ids'];
  const outputNames = ['logits'];
  for (let l = 0; l < LAYERS; l += 1) {
    for (const kind of ['key', 'value']) {
      inputNames.push(`past_key_values.${l}.${kind}`);
      outputNames.push(`present.${l}.${kind}`);
    }
  }
  const inputMetadata = inputNames.map((name) => ({
    name,
    type: name.startsWith('past') ? 'float32' : 'int64',
    shape: name.startsWith('past') ? ['batch_size', 1, 'past_sequence_length', 1] : ['batch_size', 'sequence_length'],
  }));
  return {
    inputNames,
    outputNames,
    inputMetadata,
    async run(feeds: Record<string, OrtTensorLike>) {
      log.feeds.push(feeds);
      const ids = Array.from(feeds.input_ids.data as BigInt64Array, Number);
      const positions = Array.from(feeds.position_ids.data as BigInt64Array, Number);
      const past = Array.from(feeds['past_key_values.0.key'].data as Float32Array);
      const mask = feeds.attention_mask.dims[1];
      if (mask !== past.length + ids.length) throw new Error(`mask ${mask} for ${past.length} + ${ids.length}`);
      const seen = [...past, ...ids];
      const logits = new Float32Array(ids.length * VOCAB);
      ids.forEach((_, row) => {
        const history = seen.slice(0, past.length + row + 1);
        const h = history.reduce((acc, id, i) => (acc * 31 + id * (i + 7)) % 1009, positions[row] * 13);
        for (let v = 0; v < VOCAB; v += 1) logits[row * VOCAB + v] = Math.sin(h * 0.37 + v * 1.7) * 3 + (v === h % VOCAB ? 2 : 0);
      });
      const outputs: Record<string, OrtTensorLike> = { logits: new OrtTensor('float32', logits, [1, ids.length, VOCAB]) };
      for (const name of outputNames.slice(1)) outputs[name] = new OrtTensor('float32', Float32Array.from(seen), [1, 1, seen.length, 1]);
      log.outputs.push(outputs);
      return outputs;
    },
  };
}

function fakeModel(extra: Record<string, unknown> = {}): { model: LeanModel; log: FakeLog } {
  const log: FakeLog = { feeds: [], outputs: [] };
  const config = new PretrainedConfig({
    model_type: 'llama',
    num_hidden_layers: LAYERS,
    num_attention_heads: 1,
    num_key_value_heads: 1,
    hidden_size: 1,
    eos_token_id: 2,
    bos_token_id: 1,
    max_position_embeddings: 512,
    ...extra,
  });
  const Model = LlamaForCausalLM as unknown as new (c: unknown, s: unknown, g: unknown) => LeanModel;
  return { model: new Model(config, { model: fakeSession(log) }, {}), log };
}

const prompt = (ids: number[]) => ({
  input_ids: new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]),
  attention_mask: new Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
});
const tokens = (result: { sequences: Tensor }) => Array.from(result.sequences.data as BigInt64Array, Number);

async function both(options: Record<string, unknown>, seed?: number) {
  const a = fakeModel();
  if (seed !== undefined) random.seed(seed);
  const reference = (await a.model.generate({ ...options, return_dict_in_generate: true })) as { sequences: Tensor };
  const b = fakeModel();
  if (seed !== undefined) random.seed(seed);
  const lean = await generateLean(b.model, options as never);
  return { reference: tokens(reference), lean: tokens(lean), leanLog: b.log };
}

describe('the lean decode loop gives generate()’s tokens', () => {
  it('greedy', async () => {
    const { reference, lean } = await both({ ...prompt([1, 5, 9, 14]), max_new_tokens: 24, min_new_tokens: 24 });
    expect(reference).toHaveLength(28);
    expect(lean).toEqual(reference);
  });

  it('with a repetition penalty, a minimum length and the end-of-text token', async () => {
    for (const penalty of [1.3, 2]) {
      const { reference, lean } = await both({ ...prompt([1, 3]), max_new_tokens: 40, min_new_tokens: 5, repetition_penalty: penalty });
      expect(lean).toEqual(reference);
    }
  });

  it('sampling with a seed (temperature, top-k)', async () => {
    const options = { ...prompt([1, 4, 4]), max_new_tokens: 20, min_new_tokens: 20, do_sample: true, temperature: 0.7, top_k: 5 };
    const { reference, lean } = await both(options, 42);
    expect(lean).toEqual(reference);
    const other = await both(options, 7);
    expect(other.lean).toEqual(other.reference);
    expect(other.lean).not.toEqual(lean);
  });

  it('continues from a kept cache, as the chat does, and returns the cache covering all but the last token', async () => {
    const first = fakeModel();
    const turn = await generateLean(first.model, { ...prompt([1, 6, 7]), max_new_tokens: 6, min_new_tokens: 6 });
    expect(turn.past_key_values.get_seq_length()).toBe(8);
    const next = [...tokens(turn), 11, 12];
    const continued = await generateLean(first.model, { ...prompt(next), past_key_values: turn.past_key_values, max_new_tokens: 8, min_new_tokens: 8 });
    const fresh = fakeModel();
    const reference = await fresh.model.generate({ ...prompt(next), max_new_tokens: 8, min_new_tokens: 8, return_dict_in_generate: true });
    expect(tokens(continued)).toEqual(tokens(reference as { sequences: Tensor }));
    // The continuation computed only the tokens the cache did not cover.
    const firstFeed = first.log.feeds[6];
    expect(Array.from(firstFeed.input_ids.data as BigInt64Array, Number)).toEqual(next.slice(8));
    expect(Array.from(firstFeed.position_ids.data as BigInt64Array, Number)).toEqual([8, 9, 10]);
  });

  it('feeds each step’s present tensors back as the next step’s past, uncopied', async () => {
    const { leanLog } = await both({ ...prompt([1, 2 + 3]), max_new_tokens: 5, min_new_tokens: 5 });
    for (let step = 1; step < leanLog.feeds.length; step += 1) {
      expect(leanLog.feeds[step]['past_key_values.1.value']).toBe(leanLog.outputs[step - 1]['present.1.value']);
      expect(leanLog.feeds[step].input_ids.dims).toEqual([1, 1]);
    }
  });

  it('stops when the stop flag is raised, and streams every token', async () => {
    const { model, log } = fakeModel();
    const stopper = new InterruptableStoppingCriteria();
    const seen: bigint[][] = [];
    const streamer = {
      put(ids: bigint[][]) {
        seen.push(ids[0].slice());
        if (seen.length === 4) stopper.interrupt();
      },
      end() {},
    };
    const result = await generateLean(model, { ...prompt([1, 8]), max_new_tokens: 50, min_new_tokens: 50, streamer, stopping_criteria: [stopper] });
    expect(tokens(result)).toHaveLength(5);
    expect(log.feeds).toHaveLength(3);
    expect(seen[0]).toEqual([1n, 8n]);
    expect(seen.slice(1).map((ids) => ids.length)).toEqual([1, 1, 1]);
  });

  it('leaves to generate() what it does not do the same way', async () => {
    const { model, log } = fakeModel();
    let generated = 0;
    const original = model.generate.bind(model);
    model.generate = (options) => ((generated += 1), original(options));
    const padded = { input_ids: prompt([0, 1, 5]).input_ids, attention_mask: new Tensor('int64', BigInt64Array.from([0n, 1n, 1n]), [1, 3]) };
    await generateLean(model, { ...padded, max_new_tokens: 2 });
    await generateLean(model, { ...prompt([1, 5]), max_new_tokens: 2, num_beams: 2 });
    expect(generated).toBe(2);
    expect(log.feeds.length).toBeGreaterThan(0);
    expect(leanSession({ ...model, config: { ...model.config, is_encoder_decoder: true } } as LeanModel)).toBeUndefined();
    const cache = new DynamicCache({});
    expect(cache.get_seq_length).toBeTypeOf('function');
  });
});
