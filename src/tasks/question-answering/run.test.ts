import { describe, expect, it, vi } from 'vitest';
import runner from './run';
import { fakeContext } from '../shared/fake-context';

const ctx = (input: unknown, pipe: unknown = vi.fn()) => fakeContext(runner, input, pipe);

describe('QA runner', () => {
  it('rejects a missing context, then a missing question', async () => {
    await expect(runner.run(ctx({ context: ' ', question: 'Where?' }))).rejects.toMatchObject({
      name: 'InvalidInputError',
      message: 'Paste a context for the question to be answered from.',
    });
    await expect(runner.run(ctx({ context: 'Ada lives in Paris.', question: '' }))).rejects.toMatchObject({ name: 'InvalidInputError' });
  });
  it('asks the question about the context and returns the answer with its score', async () => {
    const pipe = vi.fn(async () => ({ answer: ' paris ', score: 0.7 }));
    const { output } = await runner.run(ctx({ context: 'Ada lives in Paris.', question: ' Where does Ada live? ' }, pipe));
    expect(pipe).toHaveBeenCalledWith('Where does Ada live?', 'Ada lives in Paris.');
    expect(output).toEqual({ context: 'Ada lives in Paris.', question: ' Where does Ada live? ', answer: 'paris', score: 0.7 });
  });
});
