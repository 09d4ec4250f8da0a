import { useEffect, useRef } from 'react';
import type { HeatMap } from './lab-types';

// A viridis-like ramp: dark purple (low) → teal → yellow (high).
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

/**
 * Paints the map into RGBA pixels with the ramp interpolated per pixel, as before, but with no array made per pixel:
 * two arrays for each of a 256×256 map's 65k pixels cost 80-130 ms of main-thread time and a collection after it.
 */
function paintHeat(heat: HeatMap, pixels: Uint8ClampedArray): void {
  const span = heat.max - heat.min || 1;
  const last = STOPS.length - 1;
  for (let p = 0; p < heat.data.length; p++) {
    const x = Math.min(1, Math.max(0, (heat.data[p] - heat.min) / span)) * last;
    const i = Math.min(last - 1, Math.floor(x));
    const f = x - i;
    const a = STOPS[i];
    const b = STOPS[i + 1];
    const at = p * 4;
    pixels[at] = a[0] + (b[0] - a[0]) * f;
    pixels[at + 1] = a[1] + (b[1] - a[1]) * f;
    pixels[at + 2] = a[2] + (b[2] - a[2]) * f;
    pixels[at + 3] = 255;
  }
}

export function HeatMapCanvas({ heat }: { heat: HeatMap }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(heat.cols, heat.rows);
    paintHeat(heat, image.data);
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
