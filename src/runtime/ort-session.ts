// Raw onnxruntime-web sessions for tasks that are not Transformers.js pipelines (OCR, the ONNX lab).
// Same import as transformers-runtime.ts and Transformers.js itself ('onnxruntime-web/webgpu'), so the
// bundle holds one onnxruntime instance and these sessions use the WASM paths and threads configured there.
import * as ort from 'onnxruntime-web/webgpu';
import type { Device } from '../protocol/messages';
import { readVerified } from '../cache/verified-fetch';

export { ort };
export type OrtSession = ort.InferenceSession;

export function createSession(model: Uint8Array, device: Device): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(model, { executionProviders: [device], graphOptimizationLevel: 'all' });
}

/** Downloads a model file, reporting bytes as they arrive; a file that is not what its host announced is refused. */
export async function fetchBytes(url: string, onBytes: (loaded: number, total: number) => void, file?: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return readVerified(response, new URL(url, globalThis.location?.href).href, { onBytes, file });
}
