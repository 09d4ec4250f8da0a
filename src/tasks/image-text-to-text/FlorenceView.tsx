import type { Output } from './types';
import { colorFor } from '../shared/draw';
import { florenceTaskInfo, type LabelledBox } from './florence';

type FlorenceOutput = Extract<Output, { family: 'florence' }>;

function Box({ item, width }: { item: LabelledBox; width: number }) {
  const { xmin, ymin, xmax, ymax } = item.box;
  const color = colorFor(item.label);
  const font = Math.max(12, width / 40);
  const top = Math.max(ymin, font + 4);
  return (
    <g data-testid="florence-box" data-label={item.label}>
      <rect x={xmin} y={ymin} width={Math.max(0, xmax - xmin)} height={Math.max(0, ymax - ymin)} fill="none" stroke={color} strokeWidth={Math.max(2, width / 250)} />
      <rect x={Math.max(0, xmin)} y={top - font - 4} width={item.label.length * font * 0.6 + 8} height={font + 6} fill={color} />
      <text x={Math.max(0, xmin) + 4} y={top - 2} fontSize={font} fill="#fff" fontWeight={600}>{item.label}</text>
    </g>
  );
}

/** A Florence-2 answer: its text, or its boxes drawn over the picture and listed. */
export function FlorenceView({ output, imageUrl, partial, running }: { output?: FlorenceOutput; imageUrl?: string; partial?: string; running: boolean }) {
  if (running) return <p className="caption-text vlm-streaming" data-testid="florence-partial">{partial || <span className="muted">Looking at the picture…</span>}</p>;
  if (!output) return null;
  const label = florenceTaskInfo(output.task)?.label ?? output.task;
  const { result } = output;
  return (
    <div className="vision-output" data-testid="florence-output" data-task={output.task}>
      <p className="muted small">
        {label} · prompt “{output.prompt}”{output.stopped && <span className="pill warn">stopped</span>}
      </p>
      {result.kind === 'text' ? (
        <p className="caption-text" data-testid="florence-text-result">{result.text || <span className="muted">(the model produced no text)</span>}</p>
      ) : (
        <>
          {imageUrl && (
            <div className="overlay-frame">
              <img src={imageUrl} alt="The picture with the boxes found" />
              <svg viewBox={`0 0 ${output.width} ${output.height}`} preserveAspectRatio="none" data-testid="florence-overlay">
                {result.boxes.map((item, i) => <Box key={i} item={item} width={output.width} />)}
              </svg>
            </div>
          )}
          <p className="muted small" data-testid="florence-box-count">{result.boxes.length} {result.boxes.length === 1 ? 'region' : 'regions'}</p>
          <ul className="detections-list">
            {result.boxes.map((b, i) => (
              <li key={i}>
                <span className="swatch" style={{ background: colorFor(b.label) }} />
                {b.label} <span className="muted small">[{Math.round(b.box.xmin)}, {Math.round(b.box.ymin)}, {Math.round(b.box.xmax)}, {Math.round(b.box.ymax)}]</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="small">
        <summary>Raw model output</summary>
        <pre className="vlm-raw" data-testid="florence-raw">{output.raw}</pre>
      </details>
    </div>
  );
}
