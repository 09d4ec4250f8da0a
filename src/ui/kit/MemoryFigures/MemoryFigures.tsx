import type { MeasuredMemory } from '../../../protocol/messages';
import { formatBytes } from '../../format';

/** "+18 %": how far the measured figure is from the estimate made before loading. */
export function estimateError(measured: number, estimate: number): string {
  const pct = Math.round(((measured - estimate) / estimate) * 100);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)} %`;
}

interface Props {
  memory?: MeasuredMemory;
  /** The plan's pre-load estimate (ModelPlan.memoryBytes), when it was known. */
  estimateBytes?: number;
  device: string;
  testId?: string;
}

/**
 * What a loaded model really takes beside the estimate: onnxruntime's WASM heap, the GPU buffers on WebGPU and
 * the whole page where the browser measures it. A figure that could not be measured says so instead of a 0.
 */
export function MemoryFigures({ memory, estimateBytes, device, testId = 'memory-figures' }: Props) {
  const heap = memory?.wasmHeapBytes;
  const compared = device === 'webgpu' && memory?.gpuBufferBytes ? memory.gpuBufferBytes : heap;
  return (
    <span className="memory-figures small" data-testid={testId} data-wasm-heap={heap ?? ''} data-estimate={estimateBytes ?? ''} data-page={memory?.pageBytes ?? ''} data-gpu={memory?.gpuBufferBytes ?? ''}>
      {estimateBytes !== undefined && <span>estimate {formatBytes(estimateBytes)}, </span>}
      <span data-testid="memory-measured">
        {heap ? `measured ${formatBytes(heap)} WASM heap` : 'WASM heap not measured'}
        {estimateBytes && compared ? ` (${estimateError(compared, estimateBytes)})` : ''}
      </span>
      {memory?.wasmHeapGrowthBytes !== undefined && heap ? <span className="muted"> · grew {formatBytes(memory.wasmHeapGrowthBytes)} in this load</span> : null}
      {device === 'webgpu' && <span> · GPU buffers {memory?.gpuBufferBytes !== undefined ? formatBytes(memory.gpuBufferBytes) : 'not measured'}</span>}
      {memory?.pageBytes !== undefined && <span data-testid="memory-page"> · page {formatBytes(memory.pageBytes)}</span>}
    </span>
  );
}
