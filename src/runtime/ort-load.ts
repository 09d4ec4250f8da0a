// Loading helpers for tasks that run raw onnxruntime-web sessions (see TaskRunner.load).
import type { Device, FileProgress, LoadSpec } from '../protocol/messages';
import type { LoadContext } from '../tasks/types';
import { chooseDevice } from './device-probe';
import { createSession, fetchBytes, type OrtSession } from './ort-session';
import { PROGRESS_GAP_MS } from './progress-tracker';

/** Downloads several files at once, reporting per-file and total bytes as Transformers.js loads do. */
export async function downloadAll<K extends string>(urls: Record<K, string>, ctx: LoadContext): Promise<Record<K, Uint8Array>> {
  const files: Record<string, FileProgress> = {};
  let last = 0;
  const report = (file: string) => {
    // Chunks arrive every few kB: a UI update per chunk would keep the page busy re-rendering (the same gap as
    // Transformers.js loads, ProgressTracker).
    const now = performance.now();
    const done = files[file].loaded >= files[file].total;
    if (!done && now - last < PROGRESS_GAP_MS) return;
    last = now;
    const all = Object.values(files);
    const loaded = all.reduce((sum, f) => sum + f.loaded, 0);
    const total = all.reduce((sum, f) => sum + f.total, 0);
    ctx.onProgress({ phase: 'download', file, loaded, total, files: { ...files } });
  };
  const entries = await Promise.all(
    (Object.entries(urls) as [K, string][]).map(async ([key, url]) => {
      // Bundled assets carry a content hash ("det-1a2B3c4D.onnx"): show the file's own name.
      const name = decodeURIComponent(url.split('/').pop()?.split('?')[0] ?? key).replace(/-[\w-]{8}(\.\w+)$/, '$1');
      files[name] = { loaded: 0, total: 0 };
      const bytes = await fetchBytes(url, (loaded, total) => {
        files[name] = { loaded, total };
        report(name);
      }, name);
      return [key, bytes] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<K, Uint8Array>;
}

/**
 * Creates sessions for several models on the device the user asked for (same rules as Transformers.js
 * loads: WebGPU only with a hardware adapter on auto), retrying on WASM when WebGPU cannot run them.
 */
export async function sessionsOnDevice<K extends string>(
  spec: LoadSpec,
  models: Record<K, Uint8Array>,
  ctx: LoadContext,
): Promise<{ sessions: Record<K, OrtSession>; device: Device; fallbackReason?: string }> {
  await ctx.ready;
  ctx.onProgress({ phase: 'compile', loaded: 0, total: 0, files: {} });
  const first = chooseDevice(spec.device, ctx.caps);
  const open = async (device: Device) => {
    const created: Partial<Record<K, OrtSession>> = {};
    try {
      for (const [key, bytes] of Object.entries(models) as [K, Uint8Array][]) created[key] = await createSession(bytes, device);
      return created as Record<K, OrtSession>;
    } catch (error) {
      await Promise.all(Object.values<OrtSession | undefined>(created).map((s) => s?.release()));
      throw error;
    }
  };
  try {
    return { sessions: await open(first.device), device: first.device, fallbackReason: first.reason };
  } catch (error) {
    if (first.device !== 'webgpu') throw error;
    const reason = `WebGPU could not run this model (${(error as Error).message}); using WASM`;
    return { sessions: await open('wasm'), device: 'wasm', fallbackReason: reason };
  }
}
