// Turbo colour map (Google, 2019) via its published polynomial fit: perceptually smoother than jet,
// and the usual choice for depth maps. https://research.google/blog/turbo-an-improved-rainbow-colormap-for-visualization/

function channel(t: number, c: readonly number[]): number {
  const v = c[0] + t * (c[1] + t * (c[2] + t * (c[3] + t * (c[4] + t * c[5]))));
  return Math.round(Math.min(1, Math.max(0, v)) * 255);
}

const R = [0.13572138, 4.6153926, -42.66032258, 132.13108234, -152.94239396, 59.28637943];
const G = [0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604];
const B = [0.1066733, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973];

/** 256 RGB triples, index = 8-bit value. */
export const TURBO: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    lut[i * 3] = channel(t, R);
    lut[i * 3 + 1] = channel(t, G);
    lut[i * 3 + 2] = channel(t, B);
  }
  return lut;
})();

/** Maps an 8-bit single-channel image to RGBA through a LUT. */
export function applyColormap(values: ArrayLike<number>, lut: Uint8ClampedArray = TURBO): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] * 3;
    out[i * 4] = lut[v];
    out[i * 4 + 1] = lut[v + 1];
    out[i * 4 + 2] = lut[v + 2];
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** A CSS gradient of the LUT for a colour bar. */
export function colormapGradient(lut: Uint8ClampedArray = TURBO, stops = 9): string {
  const parts: string[] = [];
  for (let i = 0; i < stops; i++) {
    const idx = Math.round((i / (stops - 1)) * 255) * 3;
    parts.push(`rgb(${lut[idx]}, ${lut[idx + 1]}, ${lut[idx + 2]}) ${((i / (stops - 1)) * 100).toFixed(0)}%`);
  }
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
