import { InterruptableStoppingCriteria, TextStreamer } from '@huggingface/transformers';
import type { Params, TaskRunner } from '../types';
import { requireText } from '../shared/worker-input';

export interface GenerationOutput {
  prompt: string;
  completion: string;
  /** True when Stop ended the generation early. */
  stopped: boolean;
}

type Tokenizer = ConstructorParameters<typeof TextStreamer>[0];
type Generator = ((prompt: string, options: Record<string, unknown>) => Promise<{ generated_text: string }[]>) & {
  tokenizer: Tokenizer;
};

function generationOptions(params: Params): Record<string, unknown> {
  const sample = Boolean(params.do_sample);
  const minNew = Number(params.min_new_tokens ?? 0);
  return {
    max_new_tokens: Number(params.max_new_tokens ?? 64),
    ...(minNew > 0 ? { min_new_tokens: minNew } : {}),
    repetition_penalty: Number(params.repetition_penalty ?? 1),
    do_sample: sample,
    ...(sample ? { temperature: params.temperature, top_k: params.top_k, top_p: params.top_p } : {}),
  };
}

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Generator)('Hi', { max_new_tokens: 1, do_sample: false });
  },
  async run({ pipe, input, params, interrupted, emit }) {
    const prompt = requireText(input, 'prompt');
    const generator = pipe as Generator;
    const stopper = new InterruptableStoppingCriteria();
    const start = performance.now();
    let firstTokenAt: number | undefined;
    let tokens = 0;
    let completion = '';
    const streamer = new TextStreamer(generator.tokenizer, {
      skip_prompt: true,
      skip_special_tokens: true,
      callback_function: (text: string) => {
        completion += text;
        emit({ text });
      },
      token_callback_function: () => {
        tokens += 1;
        firstTokenAt ??= performance.now();
        // Checked per token: the stop flag is shared memory, so this works mid-generation.
        if (interrupted()) stopper.interrupt();
      },
    });
    await generator(prompt, { ...generationOptions(params), streamer, stopping_criteria: [stopper] });
    const end = performance.now();
    const decodeSeconds = firstTokenAt === undefined ? 0 : (end - firstTokenAt) / 1000;
    const output: GenerationOutput = { prompt, completion, stopped: interrupted() };
    return {
      output,
      stats: {
        ttftMs: firstTokenAt === undefined ? undefined : firstTokenAt - start,
        tokens,
        tokensPerSecond: tokens > 1 && decodeSeconds > 0 ? (tokens - 1) / decodeSeconds : undefined,
      },
    };
  },
};
export default runner;
