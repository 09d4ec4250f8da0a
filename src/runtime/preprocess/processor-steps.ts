/**
 * An image processor's steps as Python transformers applies them (the PIL path), from its
 * preprocessor_config.json: RGB, resize (with Python's size rules and Pillow's filters), centre crop,
 * rescale, normalize, pad, channel flip. Transformers.js has its own versions of these rules that round
 * differently in places (sizes via toFixed(2), fractional centre-crop offsets drawn by canvas), so the
 * worker uses these instead for the processor types listed in PYTHON_RULES.
 */
import { pilResize, PIL_BILINEAR, type Pixels } from './resample';

export interface ProcessorConfig {
  image_processor_type?: string;
  feature_extractor_type?: string;
  do_resize?: boolean;
  size?: number | { height?: number; width?: number; shortest_edge?: number; longest_edge?: number };
  resample?: number;
  do_center_crop?: boolean;
  crop_size?: number | { height: number; width: number };
  crop_pct?: number;
  do_rescale?: boolean;
  rescale_factor?: number;
  do_normalize?: boolean;
  image_mean?: number | number[];
  image_std?: number | number[];
  do_pad?: boolean;
  pad_size?: { height: number; width: number };
  keep_aspect_ratio?: boolean;
  ensure_multiple_of?: number;
  do_flip_channel_order?: boolean;
}

/**
 * Processor types whose Python `preprocess` is exactly resize → crop → rescale → normalize (→ pad), with the
 * size rules below. `ImageFeatureExtractor` is Transformers.js' generic class (no Python twin): the same steps.
 */
const PYTHON_RULES = new Set([
  'ViTImageProcessor', 'ViTFeatureExtractor', 'DeiTImageProcessor', 'DeiTFeatureExtractor',
  'BeitImageProcessor', 'BeitFeatureExtractor', 'BitImageProcessor', 'CLIPImageProcessor', 'CLIPFeatureExtractor',
  'ChineseCLIPImageProcessor', 'ChineseCLIPFeatureExtractor', 'SiglipImageProcessor', 'ConvNextImageProcessor',
  'ConvNextFeatureExtractor', 'MobileNetV1ImageProcessor', 'MobileNetV1FeatureExtractor', 'MobileNetV2ImageProcessor',
  'MobileNetV2FeatureExtractor', 'MobileViTImageProcessor', 'MobileViTFeatureExtractor', 'SegformerImageProcessor',
  'SegformerFeatureExtractor', 'DPTImageProcessor', 'DPTFeatureExtractor', 'YolosImageProcessor',
  'YolosFeatureExtractor', 'ImageFeatureExtractor',
]);

/** Why this config is left to Transformers.js' own preprocessing, or null when the Python rules cover it. */
export function unsupportedReason(config: ProcessorConfig): string | null {
  const type = config.image_processor_type ?? config.feature_extractor_type ?? '(none)';
  if (!PYTHON_RULES.has(type)) return `processor type ${type}`;
  const size = config.size;
  if (config.do_resize !== false && size !== undefined && typeof size === 'object') {
    const fixed = size.height !== undefined && size.width !== undefined;
    if (!fixed && (size.shortest_edge === undefined) === (size.longest_edge === undefined)) {
      return `size ${JSON.stringify(size)}`;
    }
  }
  if (config.do_pad && !config.pad_size) return 'padding without pad_size';
  return null;
}

/** Python's round(): halves to even. */
function pyRound(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** DPT's constrain_to_multiple_of (no bounds). */
function toMultiple(value: number, multiple: number): number {
  const x = pyRound(value / multiple) * multiple;
  return x < 0 ? Math.ceil(value / multiple) * multiple : x;
}

/** transformers' get_resize_output_image_size(default_to_square=False): the short side becomes `edge`. */
function shortestEdge(width: number, height: number, edge: number): [number, number] {
  const [short, long] = width <= height ? [width, height] : [height, width];
  const newLong = Math.trunc((edge * long) / short);
  return width <= height ? [edge, newLong] : [newLong, edge];
}

/** The target [width, height] of the resize, or null when the config resizes to no size at all. */
export function resizeTarget(config: ProcessorConfig, width: number, height: number): [number, number] {
  const size = config.size;
  if (typeof size === 'number') return [size, size];
  if (size?.height !== undefined && size.width !== undefined) {
    if (!config.keep_aspect_ratio) return [size.width, size.height];
    let sh = size.height / height;
    let sw = size.width / width;
    if (Math.abs(1 - sw) < Math.abs(1 - sh)) sh = sw;
    else sw = sh;
    const multiple = config.ensure_multiple_of ?? 1;
    return [toMultiple(sw * width, multiple), toMultiple(sh * height, multiple)];
  }
  if (size?.shortest_edge !== undefined) return shortestEdge(width, height, size.shortest_edge);
  if (size?.longest_edge !== undefined) {
    // No Python processor takes longest_edge alone; the project's YOLOX config does. Mirror of the
    // shortest-edge rule: the long side becomes longest_edge, the short side is truncated.
    const edge = size.longest_edge;
    const [short, long] = width <= height ? [width, height] : [height, width];
    const newShort = Math.trunc((edge * short) / long);
    return width <= height ? [newShort, edge] : [edge, newShort];
  }
  return [width, height];
}

/** Where transformers' center_crop starts its window (floor-divided; negative when the crop is the larger). */
function cropOffsets(w: number, h: number, cropW: number, cropH: number) {
  return { left: Math.floor((w - cropW) / 2), top: Math.floor((h - cropH) / 2) };
}

/** Resize to w × h, then centre-crop: when the crop fits, only its window is resampled (the same pixels, half the work). */
function resizeThenCrop(img: Pixels, w: number, h: number, resample: number, crop: { width: number; height: number }): Pixels {
  if (crop.width > w || crop.height > h) return centerCrop(pilResize(img, w, h, resample), crop.width, crop.height);
  return pilResize(img, w, h, resample, { ...cropOffsets(w, h, crop.width, crop.height), ...crop });
}

/** transformers' center_crop: floor-divided offsets; a crop larger than the image pads it with zeros, centred. */
export function centerCrop(src: Pixels, cropW: number, cropH: number): Pixels {
  const { width: w, height: h, channels: c } = src;
  const newW = Math.max(cropW, w);
  const newH = Math.max(cropH, h);
  const padTop = Math.ceil((newH - h) / 2);
  const padLeft = Math.ceil((newW - w) / 2);
  const { left: l, top: t } = cropOffsets(w, h, cropW, cropH);
  const top = t + padTop;
  const left = l + padLeft;
  const y0 = Math.max(0, top);
  const x0 = Math.max(0, left);
  const outH = Math.min(newH, top + cropH) - y0;
  const outW = Math.min(newW, left + cropW) - x0;
  const out = new Uint8Array(outW * outH * c);
  for (let y = 0; y < outH; y++) {
    const sy = y + y0 - padTop;
    if (sy < 0 || sy >= h) continue;
    for (let x = 0; x < outW; x++) {
      const sx = x + x0 - padLeft;
      if (sx < 0 || sx >= w) continue;
      for (let ch = 0; ch < c; ch++) out[(y * outW + x) * c + ch] = src.data[(sy * w + sx) * c + ch];
    }
  }
  return { data: out, width: outW, height: outH, channels: c };
}

/** Resize and crop: the 8-bit image the processor turns into a tensor. */
export function resizeAndCrop(rgb: Pixels, config: ProcessorConfig): Pixels {
  let img = rgb;
  const resample = config.resample ?? PIL_BILINEAR;
  const type = config.image_processor_type ?? config.feature_extractor_type;
  const size = config.size;
  const edge = typeof size === 'object' ? size.shortest_edge : undefined;
  if (config.do_resize !== false && type?.startsWith('ConvNext') && edge !== undefined) {
    // ConvNeXt: below 384 resize to edge / crop_pct then crop edge × edge; at 384 and above warp to a square.
    if (edge >= 384) return pilResize(img, edge, edge, resample);
    const [w, h] = shortestEdge(img.width, img.height, Math.trunc(edge / (config.crop_pct ?? 224 / 256)));
    return resizeThenCrop(img, w, h, resample, { width: edge, height: edge });
  }
  const crop =
    config.do_center_crop && config.crop_size !== undefined
      ? typeof config.crop_size === 'number'
        ? { width: config.crop_size, height: config.crop_size }
        : config.crop_size
      : undefined;
  if (config.do_resize !== false && size !== undefined) {
    const [w, h] = resizeTarget(config, img.width, img.height);
    if (crop) return resizeThenCrop(img, w, h, resample, crop);
    img = pilResize(img, w, h, resample);
  }
  if (crop) img = centerCrop(img, crop.width, crop.height);
  return img;
}

function perChannel(value: number | number[] | undefined, fallback: number): number[] {
  if (value === undefined) return [fallback, fallback, fallback];
  return Array.isArray(value) ? value : [value, value, value];
}

/**
 * Rescale, normalize, pad and flip, in float32 as numpy does it (the rescale itself is float64 cast to float32),
 * into a CHW tensor's data.
 */
export function toTensorData(img: Pixels, config: ProcessorConfig): { data: Float32Array; dims: [number, number, number] } {
  const { width: w, height: h } = img;
  const c = 3;
  const f = Math.fround;
  const scale = config.do_rescale === false ? 1 : config.rescale_factor ?? 1 / 255;
  const mean = perChannel(config.do_normalize ? config.image_mean : 0, 0).map(f);
  const std = perChannel(config.do_normalize ? config.image_std : 1, 1).map(f);
  const outH = config.do_pad && config.pad_size ? Math.max(h, config.pad_size.height) : h;
  const outW = config.do_pad && config.pad_size ? Math.max(w, config.pad_size.width) : w;
  const data = new Float32Array(c * outH * outW);
  for (let ch = 0; ch < c; ch++) {
    const src = config.do_flip_channel_order ? c - 1 - ch : ch;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = f(img.data[(y * w + x) * img.channels + src] * scale);
        data[ch * outH * outW + y * outW + x] = f(f(v - mean[src]) / std[src]);
      }
    }
  }
  return { data, dims: [c, outH, outW] };
}

/** RGB from RGB(A) or grey pixels: Pillow's convert('RGB') drops alpha without compositing. */
export function toRgb(src: Pixels): Pixels {
  if (src.channels === 3) return src;
  const n = src.width * src.height;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < 3; ch++) out[i * 3 + ch] = src.data[i * src.channels + (src.channels >= 3 ? ch : 0)];
  }
  return { data: out, width: src.width, height: src.height, channels: 3 };
}
