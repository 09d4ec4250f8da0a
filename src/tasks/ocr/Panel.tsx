import { useState } from 'react';
import type { TaskView } from '../types';
import { sampleImage } from '../../ui/kit/ImageInput/image-value';
import { formatMs, formatPercent } from '../../ui/format';
import { imageInputView } from '../shared/image-view';
import type { Input, Line, Output, WorkerInput } from './types';
import './ocr.css';

function LineBox({ line, index, width }: { line: Line; index: number; width: number }) {
  const { x0, y0, x1, y1 } = line.box;
  const font = Math.max(11, width / 55);
  return (
    <g data-testid="ocr-box" data-text={line.text}>
      <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} fill="rgba(37, 99, 235, 0.08)" stroke="#2563eb" strokeWidth={Math.max(2, width / 300)} />
      <rect x={x0} y={Math.max(0, y0 - font - 4)} width={font * (String(index + 1).length * 0.65 + 0.8)} height={font + 4} fill="#2563eb" />
      <text x={x0 + font * 0.35} y={Math.max(font, y0 - 4)} fontSize={font} fill="#fff" fontWeight={700}>
        {index + 1}
      </text>
    </g>
  );
}

function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" className="secondary" onClick={() => void copy()} disabled={!text} data-testid="ocr-copy">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select the text below' : 'Copy text'}
    </button>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  // A picture with text, so Run shows OCR at work before the user picks their own.
  defaultInput: sampleImage('cafe-menu.png'),
  Output: ({ input, output, params, onParamsChange }) => {
    if (!output || !input) return null;
    const min = Number(params.minConfidence ?? 0.5);
    const shown = output.lines.filter((line) => line.text && line.confidence >= min);
    const text = shown.map((line) => line.text).join('\n');
    return (
      <div className="ocr">
        <label className="inline-range">
          Min confidence <strong>{min.toFixed(2)}</strong>
          <input type="range" min={0} max={0.95} step={0.05} value={min} onChange={(e) => onParamsChange({ ...params, minConfidence: Number(e.target.value) })} data-testid="ocr-min-confidence" />
        </label>
        <div className="overlay-frame">
          <img src={input.url} alt={input.name} />
          <svg viewBox={`0 0 ${output.width} ${output.height}`} preserveAspectRatio="none" data-testid="ocr-overlay">
            {shown.map((line, i) => (
              <LineBox key={i} line={line} index={i} width={output.width} />
            ))}
          </svg>
        </div>
        <div className="ocr-toolbar">
          <span className="muted small" data-testid="ocr-summary">
            {shown.length} of {output.lines.length} text regions at or above {formatPercent(min)} confidence · detection {formatMs(output.detectMs)} at{' '}
            {output.detectedAt.width}×{output.detectedAt.height}, reading {formatMs(output.recogniseMs)}
          </span>
          <CopyButton text={text} />
        </div>
        {shown.length === 0 ? (
          <p className="muted" data-testid="ocr-empty">No text found{output.lines.length ? ' at this confidence' : ''}.</p>
        ) : (
          <ol className="ocr-lines" data-testid="ocr-lines">
            {shown.map((line, i) => (
              <li key={i} data-testid="ocr-line" data-confidence={line.confidence.toFixed(3)}>
                <span className="ocr-text">{line.text}</span>
                <span className="muted small">{formatPercent(line.confidence)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    );
  },
};
export default view;
