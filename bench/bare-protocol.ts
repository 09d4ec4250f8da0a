/** Messages between the bare page and its worker; every request gets one reply with the same id. */
export type BareRequest =
  | { id: number; type: 'init'; threads: number }
  | { id: number; type: 'load'; task: string; model: string; host: string; dtype?: string; device: string }
  | { id: number; type: 'load-onnx'; name: string; device: string }
  | { id: number; type: 'run'; text?: string; imageUrl?: string; options?: Record<string, unknown> }
  | { id: number; type: 'run-onnx'; shape: number[] }
  /** The raw greedy loop on the loaded decoder's session (bench/raw-decode.mjs). */
  | { id: number; type: 'raw-run'; text: string; newTokens: number; suppressEos: boolean }
  | { id: number; type: 'unload' };

export interface BareReply {
  id: number;
  error?: string;
  ms?: number;
  ttftMs?: number;
  tokens?: number;
  /** Of `ms`, the time inside onnxruntime's session.run (the rest is the pipeline's pre- and post-processing). */
  sessionMs?: number;
  /** Raw loop: the median ms of one decode step (feeds, session.run, argmax). */
  stepMs?: number;
  /** Raw loop: whether its text is the end of the bare pipeline's last generated text (the same greedy tokens). */
  sameText?: boolean;
  /** Load: its parts in ms (the pipeline's creation, the warm-up run), as the app's worker spans are named. */
  spans?: Record<string, number>;
  /** A digest of the output, to check WebGPU against WASM (equal outputs, not speed). */
  digest?: string;
}
