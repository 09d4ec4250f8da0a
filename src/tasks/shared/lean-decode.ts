// A decode loop straight on a causal LM's onnxruntime session, for the decoders whose per-token cost in
// Transformers.js' own `generate` is more than the model's: it keeps Transformers.js' generation config,
// logits processors, sampler semantics, stopping criteria and streamer (called the same way, in the same
// order) and so gives the same tokens, but feeds each step's `present.*` outputs back as `past_key_values.*`
// as they are (no Tensor wrapping, no DynamicCache update, no per-step attention-mask concat or position cumsum,
// no inference chain). Anything it cannot do exactly as `generate` does goes to `generate` (see leanPlan).
import { DynamicCache, Tensor, random, softmax, topk } from '@huggingface/transformers';

/** The onnxruntime tensor and session shapes this loop touches (onnxruntime-web and -node alike). */
export interface OrtTensorLike {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: unknown;
  readonly location?: string;
}
export interface OrtSessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly config?: { device?: string };
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
}
type TensorCtor = new (type: string, data: unknown, dims: number[]) => OrtTensorLike;

type Config = Record<string, unknown> & { max_length: number; max_new_tokens: number | null; do_sample: boolean; top_k: number; num_beams: number };
type Processor = (ids: bigint[][], logits: Tensor) => Tensor;
type Criteria = (ids: bigint[][]) => boolean[];
interface Streamer {
  put(ids: bigint[][]): void;
  end(): void;
}

/** The part of a Transformers.js causal LM this loop reads; the `_`-methods are how `generate` builds its pieces. */
export interface LeanModel {
  config: Record<string, unknown>;
  sessions: Record<string, OrtSessionLike>;
  generate(options: Record<string, unknown>): Promise<unknown>;
  _prepare_generation_config(config: null, kwargs: Record<string, unknown>): Config;
  _get_logits_processor(config: Config, inputLength: number, extra: null): Processor;
  _get_stopping_criteria(config: Config, extra: unknown): Criteria;
}

export interface GenerateOptions extends Record<string, unknown> {
  input_ids: Tensor;
  attention_mask?: Tensor;
  past_key_values?: InstanceType<typeof DynamicCache>;
  streamer?: Streamer;
  stopping_criteria?: unknown;
  return_dict_in_generate?: boolean;
}
export interface GenerateResult {
  sequences: Tensor;
  past_key_values: InstanceType<typeof DynamicCache>;
}

const PAST = 'past_key_values.';
const BASE_INPUTS = new Set(['input_ids', 'attention_mask', 'position_ids']);
// generate() options whose handling here would differ from Transformers.js' (or that it does not do at all).
const UNSUPPORTED = ['inputs', 'generation_config', 'logits_processor', 'inputs_embeds', 'position_ids', 'output_attentions', 'output_scores'];

/** Model types whose position ids Transformers.js does not count from 0 (decoder_forward's start_index). */
const OFFSET_POSITIONS = new Set(['paligemma', 'gemma3_text', 'gemma3']);

/** The session and the names of its cache inputs when this model can run the lean loop, else undefined. */
export function leanSession(model: LeanModel): OrtSessionLike | undefined {
  const session = model.sessions?.model;
  if (!session || model.config.is_encoder_decoder || OFFSET_POSITIONS.has(String(model.config.model_type))) return undefined;
  // WASM only: on WebGPU the cache stays on the GPU (preferredOutputLocation), which generate() already does well.
  if (session.config?.device !== undefined && session.config.device !== 'wasm' && session.config.device !== 'cpu') return undefined;
  const pasts = session.inputNames.filter((name) => name.startsWith(PAST));
  const known = session.inputNames.every((name) => BASE_INPUTS.has(name) || name.startsWith(PAST));
  const presentFor = (name: string) => `present.${name.slice(PAST.length)}`;
  const paired = pasts.length > 0 && pasts.every((name) => session.outputNames.includes(presentFor(name)));
  if (!known || !paired || !session.inputNames.includes('input_ids') || !session.outputNames.includes('logits')) return undefined;
  return session;
}

/** Whether these options ask only for what the lean loop does exactly as generate() does. */
function supportedOptions(options: GenerateOptions, config: Config): boolean {
  if (UNSUPPORTED.some((key) => options[key] !== undefined && options[key] !== null)) return false;
  if (options.input_ids.dims[0] !== 1) return false;
  const mask = options.attention_mask?.data as BigInt64Array | undefined;
  if (mask && mask.some((value) => value !== 1n)) return false;
  return config.num_beams <= 1 && Number(config.num_return_sequences ?? 1) <= 1 && !(Number(config.guidance_scale) > 1);
}

/** What Transformers.js' GreedySampler / MultinomialSampler pick for one row of scores (same RNG, same order). */
async function sampleToken(scores: Tensor, config: Config): Promise<bigint> {
  const data = scores.data as Float32Array;
  if (!config.do_sample) {
    let best = 0;
    for (let i = 1; i < data.length; i += 1) if (data[i] > data[best]) best = i;
    return BigInt(best);
  }
  const vocab = scores.dims.at(-1)!;
  const k = config.top_k > 0 ? Math.min(config.top_k, vocab) : vocab;
  const [values, indices] = await topk(scores, k);
  const probabilities = softmax(values.data as Float32Array);
  let sum = 0;
  for (const p of probabilities) sum += p;
  let x = random.random() * sum;
  let chosen = probabilities.length - 1;
  for (let i = 0; i < probabilities.length; i += 1) {
    x -= probabilities[i];
    if (x < 0) {
      chosen = i;
      break;
    }
  }
  return BigInt((indices.data as BigInt64Array)[chosen]);
}

export { sampleToken as sampleTokenForTest };

/**
 * `model.generate(options)` with `return_dict_in_generate`, run on the session directly when it can be done the
 * same way (see leanSession and supportedOptions), else by generate() itself.
 */
export async function generateLean(model: LeanModel, options: GenerateOptions): Promise<GenerateResult> {
  const session = leanSession(model);
  const { input_ids, attention_mask, past_key_values, streamer, stopping_criteria, return_dict_in_generate, ...rest } = options;
  const config = model._prepare_generation_config(null, rest);
  if (!session || !supportedOptions(options, config)) {
    return (await model.generate({ ...options, return_dict_in_generate: true })) as GenerateResult;
  }
  const inputLength = input_ids.dims.at(-1)!;
  if (config.max_new_tokens !== null) config.max_length = inputLength + config.max_new_tokens;
  // Built by Transformers.js itself, so penalties, min lengths, suppressions and stops are exactly generate()'s.
  const processors = model._get_logits_processor(config, inputLength, null);
  const criteria = model._get_stopping_criteria(config, stopping_criteria ?? null);
  const ids = [Array.from(input_ids.data as BigInt64Array)];
  streamer?.put(ids);
  const state = new StepState(session, input_ids, past_key_values);
  let presents: Record<string, OrtTensorLike>;
  for (;;) {
    const outputs = await state.step();
    presents = outputs;
    const scores = processors(ids, lastLogits(outputs.logits));
    const token = await sampleToken((scores as unknown as Tensor[])[0], config);
    ids[0].push(token);
    streamer?.put([[token]]);
    if (criteria(ids).every(Boolean)) break;
    state.advance(token, outputs);
  }
  streamer?.end();
  return { sequences: new Tensor('int64', BigInt64Array.from(ids[0]), [1, ids[0].length]), past_key_values: state.cache(presents) };
}

/** The logits of the last position as a [1, vocab] Tensor for the processors (a view, no copy). */
function lastLogits(logits: OrtTensorLike): Tensor {
  const vocab = logits.dims.at(-1)!;
  const data = logits.data as Float32Array;
  return new Tensor('float32', data.subarray(data.length - vocab), [1, vocab]);
}

/** The session's feeds between steps: the cache is the previous step's outputs, as they are. */
class StepState {
  private readonly Ctor: TensorCtor;
  private feeds: Record<string, OrtTensorLike> = {};
  private pastLength: number;
  private newTokens: bigint[];

  constructor(
    private readonly session: OrtSessionLike,
    inputIds: Tensor,
    past: InstanceType<typeof DynamicCache> | undefined,
  ) {
    const ortIds = (inputIds as unknown as { ort_tensor: OrtTensorLike }).ort_tensor;
    this.Ctor = ortIds.constructor as TensorCtor;
    const all = Array.from(inputIds.data as BigInt64Array);
    this.pastLength = past && Object.keys(past).length > 0 ? past.get_seq_length() : 0;
    this.newTokens = all.slice(this.pastLength);
    for (const name of session.inputNames.filter((n) => n.startsWith(PAST))) {
      const kept = (past as unknown as Record<string, Tensor> | undefined)?.[name];
      this.feeds[name] = kept ? (kept as unknown as { ort_tensor: OrtTensorLike }).ort_tensor : this.emptyPast(name);
    }
  }

  /** A zero-length cache entry shaped like the session's input (what generate() feeds on the first step). */
  private emptyPast(name: string): OrtTensorLike {
    const meta = (this.session as unknown as { inputMetadata?: { name: string; type: string; shape: (number | string)[] }[] }).inputMetadata;
    const entry = meta?.find((m) => m.name === name);
    const shape = (entry?.shape ?? [1, 1, 0, 1]).map((d) => (typeof d === 'number' ? d : 0)).map((d, i) => (i === 0 ? 1 : d));
    const type = entry?.type ?? 'float32';
    return new this.Ctor(type, type === 'float16' ? new Uint16Array(0) : new Float32Array(0), shape);
  }

  async step(): Promise<Record<string, OrtTensorLike>> {
    const count = this.newTokens.length;
    const total = this.pastLength + count;
    const feeds: Record<string, OrtTensorLike> = { ...this.feeds, input_ids: new this.Ctor('int64', BigInt64Array.from(this.newTokens), [1, count]) };
    if (this.session.inputNames.includes('attention_mask')) feeds.attention_mask = new this.Ctor('int64', new BigInt64Array(total).fill(1n), [1, total]);
    if (this.session.inputNames.includes('position_ids')) {
      const positions = BigInt64Array.from({ length: count }, (_, i) => BigInt(this.pastLength + i));
      feeds.position_ids = new this.Ctor('int64', positions, [1, count]);
    }
    return this.session.run(feeds);
  }

  /** The next step feeds only the new token; this step's presents become its past. */
  advance(token: bigint, outputs: Record<string, OrtTensorLike>): void {
    for (const name of Object.keys(this.feeds)) this.feeds[name] = outputs[`present.${name.slice(PAST.length)}`];
    this.pastLength += this.newTokens.length;
    this.newTokens = [token];
  }

  /** The cache after the last step, as generate() returns it (for the chat's next turn). */
  cache(outputs: Record<string, OrtTensorLike>): InstanceType<typeof DynamicCache> {
    const entries: Record<string, Tensor> = {};
    for (const name of Object.keys(this.feeds)) {
      const { type, data, dims } = outputs[`present.${name.slice(PAST.length)}`];
      // Wraps the same typed array: no copy.
      entries[name] = new Tensor(type as 'float32', data as Float32Array, dims as number[]);
    }
    return new DynamicCache(entries);
  }
}
