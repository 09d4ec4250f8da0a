import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { OutputProps, TaskView } from '../types';
import { formatPercent } from '../../ui/format';
import { imageInputView } from '../shared/image-view';
import { DownloadPngButton } from '../shared/DownloadPngButton';
import { canvasWithImage, colorFor, exportName, putRgba } from '../shared/draw';
import { labelAt, paintSegments } from './overlay';
import type { Input, Output, WorkerInput } from './types';
import '../shared/vision.css';

function SegmentationResult({ input, output, params, onParamsChange }: OutputProps<Input | undefined, Output> & { output: Output }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hover, setHover] = useState<string>();
  const opacity = Number(params.opacity ?? 0.55);
  const { width, height, segments } = output;
  useEffect(() => setHidden(new Set()), [output]);
  const layer = useMemo(() => paintSegments(segments, hidden, opacity, width * height), [segments, hidden, opacity, width, height]);
  useEffect(() => {
    if (canvasRef.current) putRgba(canvasRef.current, layer, width, height);
  }, [layer, width, height]);

  const toggle = (label: string) => {
    const next = new Set(hidden);
    if (next.has(label)) next.delete(label);
    else next.add(label);
    setHidden(next);
  };
  const onMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = Math.floor(((event.clientX - rect.left) / rect.width) * width);
    const y = Math.floor(((event.clientY - rect.top) / rect.height) * height);
    setHover(x >= 0 && y >= 0 && x < width && y < height ? labelAt(segments, hidden, y * width + x) : undefined);
  };
  const exportPng = async () => {
    const { canvas, ctx } = await canvasWithImage(input!.url);
    const overlay = document.createElement('canvas');
    putRgba(overlay, layer, width, height);
    ctx.drawImage(overlay, 0, 0, canvas.width, canvas.height);
    return canvas;
  };
  const visible = segments.filter((s) => !hidden.has(s.label)).length;

  return (
    <div className="vision-output">
      <div className="vision-toolbar">
        <label className="inline-range">
          Opacity <strong>{Math.round(opacity * 100)}%</strong>
          <input type="range" min={0} max={1} step={0.05} value={opacity} onChange={(e) => onParamsChange({ ...params, opacity: Number(e.target.value) })} data-testid="mask-opacity" />
        </label>
        {input && <DownloadPngButton render={exportPng} filename={exportName(input.name, 'segments')} />}
      </div>
      <div className="vision-stage" data-testid="segmentation-stage" data-mask-count={segments.length} data-visible-count={visible} data-width={width} data-height={height}>
        {input && <img src={input.url} alt={input.name} />}
        <canvas ref={canvasRef} className="layer" data-testid="segmentation-canvas" onMouseMove={onMove} onMouseLeave={() => setHover(undefined)} />
      </div>
      <p className="muted small" aria-live="polite" data-testid="hover-label">
        {hover ? `Under the pointer: ${hover}` : `${segments.length} ${segments.length === 1 ? 'region' : 'regions'} found; ${visible} shown. Point at the picture to name a region.`}
      </p>
      <ul className="legend" aria-label="Labels" data-testid="segment-legend">
        {segments.map((s) => (
          <li key={s.label} data-testid="segment-label" data-label={s.label} data-area={s.area.toFixed(4)}>
            <label className={hidden.has(s.label) ? 'off' : undefined}>
              <input type="checkbox" checked={!hidden.has(s.label)} onChange={() => toggle(s.label)} aria-label={`Show ${s.label}`} />
              <span className="swatch" style={{ background: colorFor(s.label) }} />
              {s.label}
              <span className="muted small">
                {formatPercent(s.area)}
                {s.score !== null ? ` · score ${formatPercent(s.score)}` : ''}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  Output: (props) => (props.output ? <SegmentationResult {...props} output={props.output} /> : null),
};
export default view;
