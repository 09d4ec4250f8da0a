import { useEffect, useRef } from 'react';
import type { HeatMap } from './lab-types';
import { paintHeat } from './heat-paint';

export function HeatMapCanvas({ heat }: { heat: HeatMap }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    // Painted in the worker (tensor-stats.ts); a run kept in the history from before that is painted here.
    const pixels = heat.pixels?.length === heat.rows * heat.cols * 4 ? heat.pixels : heat.data ? paintHeat({ ...heat, data: heat.data }) : undefined;
    if (!pixels) return;
    ctx.putImageData(new ImageData(pixels, heat.cols, heat.rows), 0, 0);
  }, [heat]);
  const scaled = heat.rows !== heat.fullRows || heat.cols !== heat.fullCols;
  return (
    <figure className="lab-heat">
      <canvas ref={ref} width={heat.cols} height={heat.rows} data-testid="lab-heatmap" data-rows={heat.rows} data-cols={heat.cols} />
      <figcaption className="muted small">
        slice {heat.slice}, {heat.fullRows}×{heat.fullCols}
        {scaled ? ` shown at ${heat.rows}×${heat.cols}` : ''} · <span className="lab-ramp" /> {heat.min.toPrecision(3)} … {heat.max.toPrecision(3)}
      </figcaption>
    </figure>
  );
}
