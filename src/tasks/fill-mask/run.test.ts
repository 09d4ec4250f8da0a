import { describe, expect, it, vi } from 'vitest';
import runner from './run';
import { fakeContext } from '../shared/fake-context';

const ctx = (input: unknown, pipe: unknown, params = {}) => fakeContext(runner, input, pipe, params);
const fakePipe = (mask: string | null) =>
  Object.assign(
    vi.fn(async () => [{ score: 0.5, token_str: ' capital', sequence: 'Paris is the capital of France.' }]),
    { tokenizer: { mask_token: mask } },
  );

describe('fill-mask runner', () => {
  it("replaces either spelling with the model's mask token and clamps top_k", async () => {
    const pipe = fakePipe('<mask>');
    const { output } = await runner.run(ctx('Paris is the [MASK] of France.', pipe, { top_k: 50 }));
    expect(pipe).toHaveBeenCalledWith('Paris is the <mask> of France.', { top_k: 20 });
    expect(output).toMatchObject({ maskToken: '<mask>', text: 'Paris is the [MASK] of France.', predictions: [{ token: 'capital', score: 0.5 }] });
  });
  it('rejects text without exactly one mask', async () => {
    await expect(runner.run(ctx('Paris is nice.', fakePipe('[MASK]')))).rejects.toMatchObject({ name: 'InvalidInputError', hint: expect.stringContaining('[MASK]') });
    await expect(runner.run(ctx('[MASK] [MASK]', fakePipe('[MASK]')))).rejects.toMatchObject({ name: 'InvalidInputError' });
  });
  it('says so when the model has no mask token', async () => {
    await expect(runner.run(ctx('a [MASK]', fakePipe(null)))).rejects.toMatchObject({ name: 'UnsupportedModelError' });
  });
});
