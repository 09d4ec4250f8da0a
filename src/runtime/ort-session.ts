// Raw onnxruntime-web sessions for tasks that are not Transformers.js pipelines (OCR, the ONNX lab).
// Same import as transformers-runtime.ts and Transformers.js itself ('onnxruntime-web/webgpu'), so the
// bundle holds one onnxruntime instance and these sessions use the WASM paths and threads configured there.
import * as ort from 'onnxruntime-web/webgpu';
import type { Device } from '../protocol/messages';

export { ort };
export type OrtSession = ort.InferenceSession;

export function createSession(model: Uint8Array, device: Device): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(model, { executionProviders: [device], graphOptimizationLevel: 'all' });
}

/** Downloads a model file, reporting bytes as they arrive. */
export async function fetchBytes(url: string, onBytes: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onBytes(loaded, Math.max(total, loaded));
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
