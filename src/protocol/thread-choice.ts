// Pure, both threads: the worker checks a load against it; the page asks a fresh worker to start so.
import type { ModelPlan } from './messages';

/**
 * A decoder whose ONNX weights are at most this size generates faster on one WASM thread than on two: each
 * decode step is a few tiny matrix-vector products, and handing them to a second thread costs more than it saves.
 * Measured with scripts/decode-profile.mjs on karpathy/tinyllamas-stories260K (1.2 MB, fp32) on a 2-core machine:
 * 0.61 ms per token on 1 thread against 0.84 ms on 2 (p10; p50 1.16 against 2.43 ms). A convolutional model of
 * 4.7 MB (PP-OCRv4 detection) is already 1.7× faster on 2 threads (../shared/PLATFORM.md), and a 135M decoder
 * (~100 MB in q4) does ~100× more work per step, so the cut sits well below both; refine it with
 * PROFILE_MODEL=<decoder> node scripts/decode-profile.mjs on decoders of other sizes.
 */
export const ONE_THREAD_DECODER_BYTES = 8 * 1024 * 1024;

const WEIGHTS = /\.onnx(_data(_\d+)?)?$/;

/**
 * How many WASM threads a load should run on: one for a small decoder on WASM, else every thread allowed (`cap`).
 * Unknown sizes keep the cap.
 */
export function threadsFor(pipeline: string, plan: Pick<ModelPlan, 'device' | 'files'> | undefined, cap: number): number {
  if (pipeline !== 'text-generation' || !plan || plan.device !== 'wasm') return cap;
  const weights = plan.files.filter((file) => WEIGHTS.test(file.name));
  if (weights.length === 0 || weights.some((file) => file.size === undefined)) return cap;
  const bytes = weights.reduce((sum, file) => sum + (file.size ?? 0), 0);
  return bytes <= ONE_THREAD_DECODER_BYTES ? 1 : cap;
}
