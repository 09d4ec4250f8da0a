// Image → tensor for the lab's image feeds: resize (stretch) to the input's H × W, pick the channel order,
// scale to [0, 1] or [0, 255], subtract the mean and divide by the std per channel, lay out NCHW or NHWC.

export type Layout = 'NCHW' | 'NHWC';

export interface ImageFeedOptions {
  layout: Layout;
  order: 'RGB' | 'BGR';
  range: '0-1' | '0-255';
  mean: number[];
  std: number[];
}

/** Where batch, channels, height and width sit in the shape, for the layout. */
export function imageAxes(dims: readonly number[], layout: Layout): { n: number; c: number; h: number; w: number } {
  if (dims.length !== 4) throw new Error(`an image needs a 4-D shape (N, C, H, W or N, H, W, C), not [${dims.join(', ')}]`);
  const [n, a, b, c] = dims;
  return layout === 'NCHW' ? { n, c: a, h: b, w: c } : { n, h: a, w: b, c };
}

/** Guesses the layout from where a 1-, 3- or 4-channel axis sits. */
export function guessLayout(dims: readonly (number | string | null)[]): Layout | undefined {
  if (dims.length !== 4) return undefined;
  const channels = (d: unknown) => d === 1 || d === 3 || d === 4;
  if (channels(dims[1])) return 'NCHW';
  if (channels(dims[3])) return 'NHWC';
  return undefined;
}

export function packPixels(rgba: ArrayLike<number>, dims: readonly number[], options: ImageFeedOptions): Float32Array {
  const { n, c, h, w } = imageAxes(dims, options.layout);
  if (c !== 1 && c !== 3 && c !== 4) throw new Error(`the channel axis is ${c}; images have 1, 3 or 4 channels`);
  const scale = options.range === '0-1' ? 1 / 255 : 1;
  const source = options.order === 'RGB' ? [0, 1, 2, 3] : [2, 1, 0, 3];
  const out = new Float32Array(n * c * h * w);
  const plane = h * w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 4;
      for (let ch = 0; ch < c; ch++) {
        const raw = c === 1 ? (rgba[p] * 0.299 + rgba[p + 1] * 0.587 + rgba[p + 2] * 0.114) : rgba[p + source[ch]];
        const value = (raw * scale - (options.mean[ch] ?? 0)) / (options.std[ch] ?? 1);
        const index = options.layout === 'NCHW' ? ch * plane + y * w + x : (y * w + x) * c + ch;
        out[index] = value;
      }
    }
  }
  const single = c * h * w;
  for (let b = 1; b < n; b++) out.copyWithin(b * single, 0, single);
  return out;
}

/** Decodes and resizes the image on an OffscreenCanvas, then packs it. */
export async function imageTensor(image: Blob, dims: readonly number[], options: ImageFeedOptions): Promise<Float32Array> {
  const { h, w } = imageAxes(dims, options.layout);
  const bitmap = await createImageBitmap(image);
  try {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, w, h);
    return packPixels(ctx.getImageData(0, 0, w, h).data, dims, options);
  } finally {
    bitmap.close();
  }
}
