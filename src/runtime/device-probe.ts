import type { Capabilities, Device, DeviceChoice } from '../protocol/messages';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

/** How many WASM threads onnxruntime will use: threads need SharedArrayBuffer, i.e. cross-origin isolation. */
export function wasmThreads(isolated: boolean, cores: number, maxThreads = 4): number {
  if (!isolated) return 1;
  return Math.max(1, Math.min(4, cores, Math.floor(maxThreads) || 4));
}

export type WasmBuild = 'plain' | 'asyncify';

/**
 * Which onnxruntime WASM build a worker runs. The asyncify build is the one WebGPU needs, but every session.run
 * pays for its instrumentation: a decode step of a small model took ~1.7× as long as on the plain build in
 * Chromium (scripts/decode-profile.mjs). Where the browser offers no WebGPU adapter at all, WebGPU can never run
 * in this worker, so it gets the plain build; with any adapter (even a software one the user may still pick) it
 * keeps asyncify. The onnxruntime JS of Transformers.js drives either build on the WASM backend.
 */
export function wasmBuildFor(caps: Pick<Capabilities, 'webgpu'>): WasmBuild {
  return caps.webgpu.available ? 'asyncify' : 'plain';
}

export async function probeCapabilities(maxThreads?: number): Promise<Capabilities> {
  const isolated = Boolean(globalThis.crossOriginIsolated);
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return {
    webgpu: await probeWebGpu(),
    crossOriginIsolated: isolated,
    threads: wasmThreads(isolated, cores, maxThreads),
  };
}

async function probeWebGpu(): Promise<Capabilities['webgpu']> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  const none = { available: false, fallbackAdapter: false, shaderF16: false };
  if (!gpu) return { ...none, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ...none, reason: 'the browser offered no WebGPU adapter' };
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown GPU';
    return {
      available: true,
      fallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
      shaderF16: adapter.features.has('shader-f16'),
      adapter: name,
    };
  } catch (error) {
    return { ...none, reason: `requesting a WebGPU adapter failed: ${(error as Error).message}` };
  }
}

/** Picks the device to try first, and says why when it is not what the user asked for. */
export function chooseDevice(choice: DeviceChoice, caps: Capabilities): { device: Device; reason?: string } {
  const gpu = caps.webgpu;
  if (choice === 'wasm') return { device: 'wasm' };
  if (!gpu.available) {
    const reason = `WebGPU unavailable: ${gpu.reason ?? 'no adapter'}`;
    return { device: 'wasm', reason: choice === 'webgpu' ? reason : `${reason}; using WASM` };
  }
  if (choice === 'auto' && gpu.fallbackAdapter) {
    // A software adapter (e.g. SwiftShader) is correct but far slower than WASM.
    return { device: 'wasm', reason: 'the only WebGPU adapter is a software fallback, slower than WASM' };
  }
  return { device: 'webgpu' };
}
