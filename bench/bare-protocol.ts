/** Messages between the bare page and its worker; every request gets one reply with the same id. */
export type BareRequest =
  | { id: number; type: 'init'; threads: number }
  | { id: number; type: 'load'; task: string; model: string; host: string; dtype?: string; device: string }
  | { id: number; type: 'load-onnx'; name: string; device: string }
  | { id: number; type: 'run'; text?: string; imageUrl?: string; options?: Record<string, unknown> }
  | { id: number; type: 'run-onnx'; shape: number[] }
  | { id: number; type: 'unload' };

export interface BareReply {
  id: number;
  error?: string;
  ms?: number;
  ttftMs?: number;
  tokens?: number;
  /** Of `ms`, the time inside onnxruntime's session.run (the rest is the pipeline's pre- and post-processing). */
  sessionMs?: number;
  /** A digest of the output, to check WebGPU against WASM (equal outputs, not speed). */
  digest?: string;
}
