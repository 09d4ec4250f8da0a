import { useApp } from '../../../store';

/** What this browser offers: WebGPU, and how many WASM threads cross-origin isolation allows. */
export function CapabilityBadge() {
  const caps = useApp((s) => s.caps);
  // Two badges of about the final width while probing, so the top bar does not re-wrap (a layout shift) when they fill in.
  if (!caps) {
    return (
      <span className="badges" aria-busy="true">
        <span className="badge muted">WebGPU …</span>
        <span className="badge muted">WASM … threads</span>
      </span>
    );
  }
  const gpu = caps.webgpu;
  const gpuText = !gpu.available ? 'no WebGPU' : gpu.fallbackAdapter ? 'WebGPU (software)' : `WebGPU${gpu.shaderF16 ? ' · f16' : ''}`;
  const gpuTitle = gpu.available ? gpu.adapter : gpu.reason;
  return (
    <span className="badges" data-testid="capabilities">
      <span className={`badge ${gpu.available && !gpu.fallbackAdapter ? 'ok' : ''}`} title={gpuTitle}>{gpuText}</span>
      <span
        className={`badge ${caps.crossOriginIsolated ? 'ok' : 'warn'}`}
        title={
          caps.crossOriginIsolated
            ? `Cross-origin isolated: onnxruntime runs ${caps.threads} WASM thread${caps.threads === 1 ? '' : 's'} (?threads=N in the URL sets the cap)`
            : 'Not cross-origin isolated: WASM runs on one thread'
        }
        data-testid="threads-badge"
      >
        WASM {caps.threads} thread{caps.threads === 1 ? '' : 's'}
      </span>
    </span>
  );
}
