import { useEffect, useMemo, useRef, useState } from 'react';
import type { TaskView } from '../types';
import { imageInputView } from '../shared/image-view';
import { DownloadPngButton } from '../shared/DownloadPngButton';
import { applyColormap, colormapGradient } from '../shared/colormap';
import { exportName, putRgba } from '../shared/draw';
import type { Input, Output, WorkerInput } from './types';
import '../shared/vision.css';

const drawDepth = (canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, output: Output) => putRgba(canvas, rgba, output.width, output.height);

const formatDepth = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));

function DepthView({ output, input }: { output: Output; input: Input | undefined }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [split, setSplit] = useState(50);
  const rgba = useMemo(() => applyColormap(output.depth), [output]);
  useEffect(() => {
    if (ref.current) drawDepth(ref.current, rgba, output);
  }, [rgba, output]);
  const exportPng = () => {
    const canvas = document.createElement('canvas');
    drawDepth(canvas, rgba, output);
    return canvas;
  };
  const gradient = useMemo(() => colormapGradient(), []);
  return (
    <div className="vision-output">
      <div className="vision-toolbar">
        <label className="inline-range">
          Split <strong>{split}%</strong>
          <input type="range" min={0} max={100} step={1} value={split} onChange={(e) => setSplit(Number(e.target.value))} data-testid="depth-split" aria-label="Split between the photo (left) and the depth map (right)" />
        </label>
        <DownloadPngButton render={exportPng} filename={exportName(input?.name, 'depth')} label="Download depth PNG" />
      </div>
      <div className="split-stage" data-testid="depth-stage" data-split={split}>
        {input ? <img src={input.url} alt={input.name} /> : <div style={{ aspectRatio: `${output.width} / ${output.height}` }} />}
        <canvas ref={ref} data-testid="depth-canvas" style={{ clipPath: `inset(0 0 0 ${split}%)` }} aria-label="Depth map" />
        <span className="split-handle" style={{ left: `calc(${split}% - 1px)` }} />
        {split > 8 && <span className="split-tag" style={{ left: 6 }}>Photo</span>}
        {split < 92 && <span className="split-tag" style={{ right: 6 }}>Depth</span>}
      </div>
      <div className="colorbar" data-testid="depth-range" data-min={output.min} data-max={output.max}>
        <span>
          min <strong data-testid="depth-min">{formatDepth(output.min)}</strong>
        </span>
        <span className="bar" style={{ background: gradient }} />
        <span>
          max <strong data-testid="depth-max">{formatDepth(output.max)}</strong>
        </span>
      </div>
      <p className="muted small">
        The model’s raw output, scaled between its minimum and maximum. For most models this is relative inverse depth: red is near, blue is far.
      </p>
    </div>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  Output: ({ output, input }) => (output ? <DepthView output={output} input={input} /> : null),
};
export default view;
