import { describe, expect, it } from 'vitest';
import runner from './run';
import { fakeContext } from '../shared/fake-context';
import type { Output as NerOutput } from './types';

const ctx = (input: unknown, pipe: unknown) => fakeContext(runner, input, pipe);

describe('NER runner', () => {
  it('rejects empty text', async () => {
    await expect(runner.run(ctx('', async () => []))).rejects.toMatchObject({ name: 'InvalidInputError' });
  });
  it('groups tokens into located entities and lists the model types', async () => {
    const pipe = Object.assign(
      async () => [
        { entity: 'B-PER', score: 0.9, index: 4, word: 'Sarah' },
        { entity: 'B-LOC', score: 0.8, index: 9, word: 'London' },
      ],
      { model: { config: { id2label: { 0: 'O', 1: 'B-PER', 2: 'I-PER', 3: 'B-LOC', 4: 'I-LOC' } } } },
    );
    const { output } = await runner.run(ctx('My name is Sarah and I live in London', pipe));
    const { entities, types } = output as NerOutput;
    expect(types).toEqual(['PER', 'LOC']);
    expect(entities.map((e) => [e.type, e.text, e.start])).toEqual([['PER', 'Sarah', 11], ['LOC', 'London', 31]]);
  });
});
