import type { Params } from '../types';
import type { ImageValue } from '../../ui/kit/ImageInput/image-value';
import { formatPercent } from '../../ui/format';
import { DownloadPngButton } from './DownloadPngButton';
import { canvasWithImage, colorFor, drawBoxes, exportName, type Box as BoxCoords } from './draw';

/** One labelled box, in the picture's own pixels. */
export interface Detection {
  label: string;
  score: number;
  box: BoxCoords;
}

/** The score slider's value (a view param: it filters in the UI without re-running). */
export const thresholdOf = (params: Params, fallback = 0.5) => Number(params.threshold ?? fallback);

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

interface Props {
  image: ImageValue;
  output: { width: number; height: number; detections: Detection[] };
  params: Params;
  onParamsChange(next: Params): void;
  /** The slider's lower end and its value before the user moves it. */
  min?: number;
  fallback?: number;
}

/** The picture with its boxes drawn, a score slider that filters them, a PNG download and the list. */
export function DetectionView({ image, output, params, onParamsChange, min = 0.1, fallback = 0.5 }: Props) {
  const threshold = thresholdOf(params, fallback);
  const shown = output.detections.filter((d) => d.score >= threshold).sort((a, b) => b.score - a.score);
  return (
    <div className="detection">
      <label className="inline-range">
        Score threshold <strong>{threshold.toFixed(2)}</strong>
        <input
          type="range"
          min={min}
          max={0.99}
          step={0.01}
          value={threshold}
          onChange={(event) => onParamsChange({ ...params, threshold: Number(event.target.value) })}
          data-testid="threshold"
        />
      </label>
      <DownloadPngButton
        filename={exportName(image.name, 'detections')}
        render={async () => {
          const { canvas, ctx } = await canvasWithImage(image.url);
          drawBoxes(ctx, shown, canvas.width);
          return canvas;
        }}
      />
      <div className="overlay-frame">
        <img src={image.url} alt={image.name} crossOrigin={image.kind === 'url' ? 'anonymous' : undefined} />
        <svg viewBox={`0 0 ${output.width} ${output.height}`} preserveAspectRatio="none" data-testid="detection-overlay">
          {shown.map((detection, i) => (
            <Box key={i} detection={detection} width={output.width} />
          ))}
        </svg>
      </div>
      <p className="muted small" data-testid="detection-count">
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
}
