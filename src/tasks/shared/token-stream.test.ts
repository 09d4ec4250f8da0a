import { afterEach, describe, expect, it, vi } from 'vitest';
import { PARTIAL_INTERVAL_MS, streamTokens, type StreamTokenizer } from './token-stream';

// Decodes each id as a word followed by a space, so TextStreamer passes every token on as soon as it is put.
const tokenizer = { all_special_ids: [0], decode: (ids: bigint[]) => ids.map((id) => `w${id} `).join('') } as unknown as StreamTokenizer;

describe('token stream', () => {
  afterEach(() => vi.restoreAllMocks());

  it('posts the first piece at once, then one partial per time slice, and the rest at the end', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const partials: string[] = [];
    const stream = streamTokens(tokenizer, { emit: (chunk) => partials.push(chunk.text), interrupted: () => false });
    const { streamer } = stream.options;
    streamer.put([[1n, 2n]]); // the prompt
    for (let id = 10; id < 20; id += 1) {
      streamer.put([[BigInt(id)]]);
      now += PARTIAL_INTERVAL_MS / 4;
    }
    streamer.end();
    expect(partials.length).toBeGreaterThan(1);
    expect(partials.length).toBeLessThan(10);
    expect(partials.join('')).toBe(stream.text());
    expect(stream.text()).toBe('w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 ');
    expect(stream.stats().tokens).toBe(10);
  });

  it('raises the stop criterion once the flag is set', () => {
    let stop = false;
    const stream = streamTokens(tokenizer, { emit: () => {}, interrupted: () => stop });
    const [criterion] = stream.options.stopping_criteria;
    stream.options.streamer.put([[1n]]);
    stream.options.streamer.put([[5n]]);
    expect(criterion._call([[1, 5]], [])).toEqual([false]);
    stop = true;
    stream.options.streamer.put([[6n]]);
    expect(criterion._call([[1, 5, 6]], [])).toEqual([true]);
  });
});
