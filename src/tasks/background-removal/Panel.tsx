import { useEffect, useRef, useState } from 'react';
import type { TaskView } from '../types';
import { formatPercent } from '../../ui/format';
import { imageInputView } from '../shared/image-view';
import { DownloadPngButton } from '../shared/DownloadPngButton';
import { exportName, putRgba } from '../shared/draw';
import type { Input, Output, WorkerInput } from './types';
import '../shared/vision.css';

const drawCutout = (canvas: HTMLCanvasElement, output: Output) => putRgba(canvas, output.rgba, output.width, output.height);

function Cutout({ output, input }: { output: Output; input: Input | undefined }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  useEffect(() => {
    if (ref.current) drawCutout(ref.current, output);
  }, [output]);
  const exportPng = () => {
    const canvas = document.createElement('canvas');
    drawCutout(canvas, output);
    return canvas;
  };
  return (
    <div className="vision-output">
      <div className="vision-toolbar">
        <DownloadPngButton render={exportPng} filename={exportName(input?.name, 'cutout')} label="Download cut-out PNG" />
        <label className="inline-check">
          <input type="checkbox" checked={showOriginal} onChange={(e) => setShowOriginal(e.target.checked)} data-testid="show-original" /> Show the original
        </label>
        <span className="muted small" data-testid="kept-share">
          Subject: {formatPercent(output.kept)} of the picture · {output.width}×{output.height}
        </span>
      </div>
      <div className="vision-stage checkerboard" data-testid="cutout-stage">
        <canvas ref={ref} data-testid="cutout-canvas" aria-label="The picture with its background removed" hidden={showOriginal} />
        {showOriginal && input && <img src={input.url} alt={input.name} />}
      </div>
    </div>
  );
}

const view: TaskView<Input, Output, never, WorkerInput> = {
  ...imageInputView,
  Output: ({ output, input }) => (output ? <Cutout output={output} input={input} /> : null),
};
export default view;
