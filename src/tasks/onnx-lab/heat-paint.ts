import type { HeatMap } from './lab-types';

// A viridis-like ramp: dark purple (low) → teal → yellow (high).
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

/**
 * The map as RGBA pixels, the ramp interpolated per value, with no array made per pixel. Runs in the worker with
 * the map's statistics (a 256×256 map cost the page 45-80 ms in a run's result task); the page only puts the pixels.
 */
export function paintHeat(heat: Pick<HeatMap, 'min' | 'max'> & { data: ArrayLike<number> }, pixels = new Uint8ClampedArray(heat.data.length * 4)): Uint8ClampedArray<ArrayBuffer> {
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
  return pixels;
}
