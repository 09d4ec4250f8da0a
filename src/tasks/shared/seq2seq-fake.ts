// A fake encoder-decoder pipeline for unit tests: it streams the given token ids through the real
// TextStreamer and honours the stopping criteria, like Transformers.js' generate().

export interface FakeCall {
  text: string;
  options: Record<string, unknown>;
}

type Criterion = { _call(ids: bigint[][]): boolean[] };
type Streamer = { put(ids: bigint[][]): void; end(): void };

export function fakeSeq2SeqPipe(tokens: number[], { key = 'generated_text', tokenizer = {} as Record<string, unknown> } = {}) {
  const calls: FakeCall[] = [];
  const fullTokenizer = {
    all_special_ids: [0, 1],
    decode: (ids: bigint[]) => ids.filter((id) => id > 1n).map((id) => `w${id} `).join(''),
    ...tokenizer,
  };
  const pipe = async (text: string, options: Record<string, unknown>) => {
    calls.push({ text, options });
    const streamer = options.streamer as Streamer | undefined;
    const criteria = (options.stopping_criteria ?? []) as Criterion[];
    const generated: bigint[] = [0n];
    streamer?.put([[0n]]);
    for (const token of tokens.slice(0, Number(options.max_new_tokens ?? tokens.length))) {
      generated.push(BigInt(token));
      streamer?.put([[BigInt(token)]]);
      if (criteria.some((c) => c._call([generated])[0])) break;
    }
    streamer?.end();
    return [{ [key]: fullTokenizer.decode(generated).trim() }];
  };
  return Object.assign(pipe, { tokenizer: fullTokenizer, calls });
}
