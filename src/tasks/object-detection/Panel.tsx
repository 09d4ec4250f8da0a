import type { Params, TaskView } from '../types';
import { formatPercent } from '../../ui/format';
import { imageInputView } from '../shared/image-view';
import { ImageOrCamera } from '../shared/ImageOrCamera';
import { DownloadPngButton } from '../shared/DownloadPngButton';
import { canvasWithImage, colorFor, drawBoxes, exportName } from '../shared/draw';
import type { Detection, Input, Output, WorkerInput } from './types';

/** The score slider's value (a view param: it filters in the UI without re-running). */
const thresholdOf = (params: Params) => Number(params.threshold ?? 0.5);

function CameraSummary({ output, threshold }: { output: Output; threshold: number }) {
  const shown = output.detections.filter((d) => d.score >= threshold);
  return (
    <p className="muted small" data-testid="camera-detections" data-count={shown.length}>
      {shown.length === 0 ? `Nothing at or above ${threshold.toFixed(2)} in the last frame.` : shown.map((d) => `${d.label} ${formatPercent(d.score)}`).join(' · ')}
    </p>
  );
}

function Box({ detection, width }: { detection: Detection; width: number }) {
  const { xmin, ymin, xmax, ymax } = detection.box;
  const color = colorFor(detection.label);
  const font = Math.max(12, width / 40);
  const caption = `${detection.label} ${formatPercent(detection.score)}`;
  const top = Math.max(ymin, font + 4);
  return (
    <g data-testid="detection-box" data-label={detection.label} data-score={detection.score.toFixed(3)}>
      <rect x={xmin} y={ymin} width={xmax - xmin} height={ymax - ymin} fill="none" stroke={color} strokeWidth={Math.max(2, width / 250)} />
      <rect x={Math.max(0, xmin)} y={top - font - 4} width={caption.length * font * 0.6 + 8} height={font + 6} fill={color} />
      <text x={Math.max(0, xmin) + 4} y={top - 2} fontSize={font} fill="#fff" fontWeight={600}>
        {caption}
      </text>
    </g>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  Input: (props) => {
    const threshold = thresholdOf(props.params);
    return (
      <ImageOrCamera<Output>
        {...props}
        draw={(ctx, output, width) => drawBoxes(ctx, output.detections.filter((d) => d.score >= threshold), width)}
        summary={(output) => <CameraSummary output={output} threshold={threshold} />}
      />
    );
  },
  Output: ({ input, output, params, onParamsChange }) => {
    if (!output || !input) return null;
    const threshold = thresholdOf(params);
    const shown = output.detections.filter((d) => d.score >= threshold).sort((a, b) => b.score - a.score);
    return (
      <div className="detection">
        <label className="inline-range">
          Score threshold <strong>{threshold.toFixed(2)}</strong>
          <input
            type="range"
            min={0.1}
            max={0.99}
            step={0.01}
            value={threshold}
            onChange={(event) => onParamsChange({ ...params, threshold: Number(event.target.value) })}
            data-testid="threshold"
          />
        </label>
        <DownloadPngButton
          filename={exportName(input.name, 'detections')}
          render={async () => {
            const { canvas, ctx } = await canvasWithImage(input.url);
            drawBoxes(ctx, shown, canvas.width);
            return canvas;
          }}
        />
        <div className="overlay-frame">
          <img src={input.url} alt={input.name} crossOrigin={input.kind === 'url' ? 'anonymous' : undefined} />
          <svg viewBox={`0 0 ${output.width} ${output.height}`} preserveAspectRatio="none" data-testid="detection-overlay">
            {shown.map((detection, i) => (
              <Box key={i} detection={detection} width={output.width} />
            ))}
          </svg>
        </div>
        <p className="muted small">
          {shown.length} of {output.detections.length} detections at or above {threshold.toFixed(2)}
        </p>
        <ul className="detections-list">
          {shown.map((d, i) => (
            <li key={i}>
              <span className="swatch" style={{ background: colorFor(d.label) }} />
              {d.label} <span className="muted">{formatPercent(d.score)}</span>{' '}
              <span className="muted small">[{Math.round(d.box.xmin)}, {Math.round(d.box.ymin)}, {Math.round(d.box.xmax)}, {Math.round(d.box.ymax)}]</span>
            </li>
          ))}
        </ul>
      </div>
    );
  },
};
export default view;
