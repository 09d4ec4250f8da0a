// What a loaded model really takes in this worker. onnxruntime-web 1.30 keeps its Emscripten module private
// (no HEAP8 or wasmMemory on `ort.env`), so the meter watches the WebAssembly memories the worker creates: the
// threaded build makes its shared heap with `new WebAssembly.Memory(...)` in JS, a single-threaded build
// exports it from the instance. WASM memory only grows, never shrinks: the heap's size after a load is what
// the worker holds now, its growth during the load what that load added. On WebGPU the bytes of the buffers
// created and not yet destroyed are counted the same way, by wrapping GPUDevice.createBuffer.

export interface MemorySnapshot {
  /** The size of every WebAssembly memory this worker created (onnxruntime's heap is almost all of it). */
  wasmHeapBytes: number;
  /** Live GPU buffers' bytes; undefined where WebGPU is not there to watch. */
  gpuBufferBytes?: number;
}

const memories = new Set<WebAssembly.Memory>();
let gpuWatched = false;
let gpuLiveBytes = 0;
let installed = false;

function recordExports(exports: WebAssembly.Exports | undefined, Memory: typeof WebAssembly.Memory): void {
  for (const value of Object.values(exports ?? {})) if (value instanceof Memory) memories.add(value);
}

function watchWasm(): void {
  const wasm = globalThis.WebAssembly;
  if (!wasm) return;
  const Memory = wasm.Memory;
  // A Proxy keeps `instanceof WebAssembly.Memory` and every static of the real constructor working.
  wasm.Memory = new Proxy(Memory, {
    construct(target, args, newTarget) {
      const memory = Reflect.construct(target, args, newTarget) as WebAssembly.Memory;
      memories.add(memory);
      return memory;
    },
  });
  type Instantiated = WebAssembly.Instance | WebAssembly.WebAssemblyInstantiatedSource;
  const note = (result: Instantiated) => {
    recordExports('instance' in result ? result.instance.exports : result.exports, Memory);
    return result;
  };
  const instantiate = wasm.instantiate.bind(wasm) as (...args: unknown[]) => Promise<Instantiated>;
  wasm.instantiate = ((...args: unknown[]) => instantiate(...args).then(note)) as typeof wasm.instantiate;
  if (wasm.instantiateStreaming) {
    const streaming = wasm.instantiateStreaming.bind(wasm);
    wasm.instantiateStreaming = ((...args: Parameters<typeof streaming>) => streaming(...args).then(note)) as typeof wasm.instantiateStreaming;
  }
}

interface GpuBufferLike {
  size: number;
  destroy(): void;
}

function watchGpu(): void {
  const scope = globalThis as { GPUDevice?: { prototype: { createBuffer(descriptor: unknown): GpuBufferLike } } };
  const proto = scope.GPUDevice?.prototype;
  if (!proto) return;
  gpuWatched = true;
  const create = proto.createBuffer;
  proto.createBuffer = function (this: unknown, descriptor: unknown) {
    const buffer = create.call(this, descriptor);
    const size = Number(buffer.size) || 0;
    gpuLiveBytes += size;
    const destroy = buffer.destroy.bind(buffer);
    let destroyed = false;
    buffer.destroy = () => {
      if (!destroyed) gpuLiveBytes -= size;
      destroyed = true;
      destroy();
    };
    return buffer;
  };
}

/** Starts watching; must run before onnxruntime initialises its WASM (the runtime calls it at import). */
export function installMemoryMeter(): void {
  if (installed) return;
  installed = true;
  watchWasm();
  watchGpu();
}

export function memorySnapshot(): MemorySnapshot {
  let wasmHeapBytes = 0;
  for (const memory of memories) wasmHeapBytes += memory.buffer.byteLength;
  return { wasmHeapBytes, gpuBufferBytes: gpuWatched ? gpuLiveBytes : undefined };
}
