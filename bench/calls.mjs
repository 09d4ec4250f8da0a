// @ts-check
/**
 * The calls each bench case makes, shared by the bare page's worker (bench/bare.worker.ts, browser build of
 * Transformers.js) and the native reference (scripts/bench-native.mjs, Node build): the same options and the same
 * warm-up as the app's task runners (src/tasks/<task>/run.ts), so the three columns time the same work.
 */
import { TextStreamer } from '@huggingface/transformers';

export const SENTENCES = ['Someone is strumming a guitar on stage.', 'The stock market fell sharply today.', 'A chef is cooking pasta in a busy kitchen.'];
export const QUERY = 'A man is playing a guitar.';

/**
 * @typedef {{ text?: string, image?: () => Promise<unknown>, warmImage?: (size: number) => unknown, options?: Record<string, unknown> }} CallInput
 * @typedef {{ output?: unknown, ttftMs?: number, tokens?: number }} CallStats
 * @typedef {{ warmup(pipe: any, input: CallInput): Promise<unknown>, run(pipe: any, input: CallInput): Promise<CallStats> }} Call
 */

/** @type {Record<string, Call>} */
export const CALLS = {
  'text-classification': {
    warmup: (pipe) => pipe('warm up', { top_k: 1 }),
    run: async (pipe, input) => ({ output: await pipe(input.text, { top_k: null }) }),
  },
  'feature-extraction': {
    warmup: (pipe) => pipe(['warm up'], { pooling: 'mean', normalize: true }),
    run: async (pipe) => ({ output: await pipe([...SENTENCES, QUERY], { pooling: 'mean', normalize: true }) }),
  },
  'text-generation': {
    warmup: (pipe) => pipe('Hi', { max_new_tokens: 1, do_sample: false }),
    run: generate,
  },
  'image-classification': {
    warmup: (pipe, input) => pipe(input.warmImage?.(32), { top_k: 1 }),
    run: async (pipe, input) => ({ output: await pipe(await input.image?.(), { top_k: 5 }) }),
  },
  'object-detection': {
    warmup: (pipe, input) => pipe(input.warmImage?.(64), { threshold: 0.9, percentage: false }),
    run: async (pipe, input) => ({ output: await pipe(await input.image?.(), { threshold: 0.1, percentage: false }) }),
  },
  // IS-Net runs at a fixed 1024²: the app skips its warm-up (runsAtFixedSize), and so do these.
  'background-removal': {
    warmup: async () => undefined,
    run: async (pipe, input) => ({ output: await pipe(await input.image?.()) }),
  },
};

/**
 * Greedy generation with a streamer, as the app's token stream counts it: the time to the first new token, and
 * how many came. @param {any} pipe @param {CallInput} input @returns {Promise<CallStats>}
 */
async function generate(pipe, input) {
  const start = performance.now();
  /** @type {number | undefined} */
  let first;
  let tokens = 0;
  const streamer = new TextStreamer(pipe.tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    callback_function: () => undefined,
    token_callback_function: () => {
      tokens += 1;
      first ??= performance.now();
    },
  });
  const output = await pipe(input.text, { do_sample: false, repetition_penalty: 1, ...input.options, streamer });
  return { output, ttftMs: first === undefined ? undefined : first - start, tokens };
}
