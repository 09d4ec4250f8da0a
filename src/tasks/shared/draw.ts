// Canvas drawing shared by the vision views: overlays on screen, the same overlays in exported PNGs.

export const PALETTE = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#ca8a04'];

/** A stable colour per label, so a label keeps its colour across runs and frames. */
export function colorFor(label: string): string {
  let hash = 0;
  for (const char of label) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** Boxes with a filled caption, scaled to the picture so they stay readable on large and small images. */
export function drawBoxes(ctx: CanvasRenderingContext2D, items: { label: string; score: number; box: Box }[], width: number): void {
  const font = Math.max(12, width / 40);
  ctx.lineWidth = Math.max(2, width / 250);
  ctx.font = `600 ${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const { label, score, box } of items) {
    const color = colorFor(label);
    ctx.strokeStyle = color;
    ctx.strokeRect(box.xmin, box.ymin, box.xmax - box.xmin, box.ymax - box.ymin);
    const caption = `${label} ${(score * 100).toFixed(0)}%`;
    const top = Math.max(box.ymin, font + 6);
    const x = Math.max(0, box.xmin);
    ctx.fillStyle = color;
    ctx.fillRect(x, top - font - 6, ctx.measureText(caption).width + 8, font + 6);
    ctx.fillStyle = '#fff';
    ctx.fillText(caption, x + 4, top - 2);
  }
}

/** A translucent banner at the top listing labels and scores (classification overlays). */
export function drawLabelBanner(ctx: CanvasRenderingContext2D, items: { label: string; score: number }[], width: number): void {
  const font = Math.max(12, width / 32);
  const rows = items.slice(0, 3);
  ctx.fillStyle = 'rgba(15, 23, 42, 0.72)';
  ctx.fillRect(0, 0, width, rows.length * (font + 8) + 8);
  ctx.font = `600 ${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  rows.forEach((item, i) => {
    ctx.fillStyle = i === 0 ? '#fff' : '#cbd5e1';
    ctx.fillText(`${item.label} — ${(item.score * 100).toFixed(1)}%`, 8, 8 + i * (font + 8));
  });
}

/** Sizes a canvas to width × height and fills it with RGBA pixels. */
export function putRgba(canvas: HTMLCanvasElement, rgba: ArrayLike<number>, width: number, height: number): void {
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
}

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The image could not be loaded for export.'));
    img.src = url;
  });
}

/** A canvas holding the picture at its own size, ready to draw an overlay on. */
export async function canvasWithImage(url: string): Promise<{ canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D }> {
  const img = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0);
  return { canvas, ctx };
}

/** Saves a canvas as a PNG file through the browser's download. */
export async function downloadCanvas(canvas: HTMLCanvasElement, filename: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the PNG.');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "coffee.png" + "depth" → "coffee-depth.png". */
export function exportName(source: string | undefined, suffix: string): string {
  const base = (source ?? 'image').replace(/\.[a-z0-9]+$/i, '').replace(/[^\w.-]+/g, '_') || 'image';
  return `${base}-${suffix}.png`;
}
