import { describe, expect, it, vi } from 'vitest';
import runner from './run';
import { fakeContext } from '../shared/fake-context';

const ctx = (input: unknown, params = {}, pipe: unknown = vi.fn()) => fakeContext(runner, input, pipe, params);

describe('zero-shot runner', () => {
  it('rejects empty text and an empty label list with InvalidInputError', async () => {
    await expect(runner.run(ctx({ text: ' ', labels: ['a'] }))).rejects.toMatchObject({ name: 'InvalidInputError' });
    await expect(runner.run(ctx({ text: 'hi', labels: [' ', ''] }))).rejects.toMatchObject({
      name: 'InvalidInputError',
      message: 'Add at least one candidate label.',
    });
  });
  it('passes cleaned labels and multi_label, and returns scores highest first', async () => {
    const pipe = vi.fn(async () => ({ labels: ['b', 'a'], scores: [0.9, 0.8] }));
    const { output } = await runner.run(ctx({ text: 'hi', labels: ['a', ' b ', 'A'] }, { multi_label: true }, pipe));
    expect(pipe).toHaveBeenCalledWith('hi', ['a', 'b'], { multi_label: true });
    expect(output).toEqual({ scores: [{ label: 'b', score: 0.9 }, { label: 'a', score: 0.8 }], independent: true });
  });
});
