import { describe, expect, it } from 'vitest';
import { fakeContext, fakePipe } from './fake-context';
import type { TextChunk } from './text-chunk';
import { createSeq2SeqRunner, type Seq2SeqOutput } from './seq2seq-run';
import { seq2seqOptions } from './generation-params';
import { fakeSeq2SeqPipe } from './seq2seq-fake';

function context(pipe: unknown, input: unknown, params = {}, stopAfter = Infinity) {
  const chunks: string[] = [];
  // Stop is checked once per token; partials are batched per time slice, so they cannot count tokens.
  let checks = 0;
  const ctx = { ...fakeContext(runner, input, pipe, params), interrupted: () => ++checks > stopAfter, emit: (chunk: TextChunk) => chunks.push(chunk.text) };
  return { ctx, chunks };
}

const runner = createSeq2SeqRunner({ request: (input) => ({ text: String(input), options: { extra: 1 } }) });

describe('seq2seq runner', () => {
  it('streams the text, returns the pipeline text and token stats', async () => {
    const pipe = fakeSeq2SeqPipe([5, 6, 7, 1], { key: 'summary_text' });
    const { ctx, chunks } = context(pipe, 'long text', { max_new_tokens: 10 });
    const { output, stats } = await runner.run(ctx);
    expect(output as Seq2SeqOutput).toEqual({ source: 'long text', text: 'w5 w6 w7', stopped: false });
    expect(chunks.join('')).toBe('w5 w6 w7 ');
    expect(stats?.tokens).toBe(4); // the end-of-text token counts as generated
    expect(stats?.ttftMs).toBeGreaterThanOrEqual(0);
    expect(pipe.calls[0].options).toMatchObject({ max_new_tokens: 10, do_sample: false, extra: 1 });
  });
  it('stops between tokens when interrupted and says so', async () => {
    const pipe = fakeSeq2SeqPipe([5, 6, 7, 8, 9, 10, 11]);
    const { ctx } = context(pipe, 'x', { max_new_tokens: 50 }, 2);
    const { output, stats } = await runner.run(ctx);
    expect((output as Seq2SeqOutput).stopped).toBe(true);
    expect(stats?.tokens).toBeLessThan(7);
  });
  it('warms up with one token', async () => {
    const pipe = fakeSeq2SeqPipe([5, 6]);
    await runner.warmup(fakePipe(runner, pipe));
    expect(pipe.calls[0].options).toMatchObject({ max_new_tokens: 1 });
  });
});

describe('seq2seqOptions', () => {
  it('builds greedy options and only passes min tokens and penalty when set', () => {
    expect(seq2seqOptions({ max_new_tokens: 20 })).toEqual({ max_new_tokens: 20, do_sample: false });
    expect(seq2seqOptions({ max_new_tokens: 20, min_new_tokens: 5, repetition_penalty: 1.2 })).toEqual({
      max_new_tokens: 20,
      min_new_tokens: 5,
      repetition_penalty: 1.2,
      do_sample: false,
    });
  });
  it('rejects a minimum above the maximum as an input error', () => {
    expect(() => seq2seqOptions({ max_new_tokens: 5, min_new_tokens: 10 })).toThrow(expect.objectContaining({ name: 'InvalidInputError' }));
  });
});
