import { useEffect, useRef } from 'react';
import type { HeatMap } from './lab-types';

// A viridis-like ramp: dark purple (low) → teal → yellow (high).
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

function color(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i], STOPS[i + 1]];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export function HeatMapCanvas({ heat }: { heat: HeatMap }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(heat.cols, heat.rows);
    const span = heat.max - heat.min || 1;
    for (let i = 0; i < heat.data.length; i++) {
      const [r, g, b] = color((heat.data[i] - heat.min) / span);
      image.data.set([r, g, b, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
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
