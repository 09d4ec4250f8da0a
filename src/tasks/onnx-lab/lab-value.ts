// The lab's input state (UI side) and how it becomes a LabRequest for the worker.
import { InvalidInputError } from '../../protocol/errors';
import type { Device } from '../../protocol/messages';
import { imagePayload, type ImageValue } from '../../ui/kit/ImageInput/image-value';
import { guessLayout, imageTensor, type Layout } from './image-tensor';
import type { FeedPayload, LabRequest } from './lab-types';
import type { OnnxInfo, ValueInfo } from './onnx-reader';
import { own } from '../../protocol/own';

export interface LabModel {
  key: string;
  name: string;
  size: number;
  bytes: Blob;
  url?: string;
  info: OnnxInfo;
}

export interface FeedConfig {
  source: 'random' | 'image' | 'json';
  shape: string;
  json: string;
  layout: Layout;
  order: 'RGB' | 'BGR';
  range: '0-1' | '0-255';
  mean: string;
  std: string;
}

export interface LabValue {
  model?: LabModel;
  url: string;
  device: Device;
  feeds: Record<string, FeedConfig>;
  image?: ImageValue;
  action: 'run' | 'providers';
}

export const emptyLab: LabValue = { url: '', device: 'wasm', feeds: {}, action: 'run' };

const IMAGENET = { mean: '0.485, 0.456, 0.406', std: '0.229, 0.224, 0.225' };

/** A starting feed for an input: concrete sizes for symbolic dims (batch 1, images 224), an image when it looks like one. */
export function defaultFeed(input: ValueInfo): FeedConfig {
  const dims = input.shape ?? [1];
  const layout = guessLayout(dims);
  const imageLike = Boolean(layout) && input.type.startsWith('float');
  const concrete = dims.map((d, i) => (typeof d === 'number' && d > 0 ? d : i === 0 ? 1 : imageLike || dims.length === 4 ? 224 : 8));
  if (layout === 'NCHW' && typeof dims[1] !== 'number') concrete[1] = 3;
  return {
    source: imageLike ? 'image' : 'random',
    shape: concrete.join(', '),
    json: '',
    layout: layout ?? 'NCHW',
    order: 'RGB',
    range: '0-1',
    ...IMAGENET,
  };
}

export function parseShape(text: string): number[] | undefined {
  const parts = text.split(/[\s,x×]+/).filter(Boolean);
  const dims = parts.map(Number);
  return dims.every((d) => Number.isInteger(d) && d >= 0) ? dims : undefined;
}

const numbers = (text: string) => text.split(/[\s,]+/).filter(Boolean).map(Number);

export function flattenJson(text: string, name: string): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`Input "${name}": the JSON does not parse (${(error as Error).message}).`, 'Give a number or a (nested) array of numbers.');
  }
  const flat = [parsed].flat(Infinity as 1);
  const bad = flat.findIndex((v) => typeof v !== 'number' && typeof v !== 'boolean');
  if (bad >= 0) throw new InvalidInputError(`Input "${name}": the JSON holds ${JSON.stringify(flat[bad])}, which is not a number.`);
  return flat.map(Number);
}

export function validateLab(value: LabValue): string | undefined {
  if (!value.model) return 'Drop an .onnx file, choose one, or give its URL first.';
  for (const input of value.model.info.inputs) {
    const feed = own(value.feeds, input.name);
    if (feed && !parseShape(feed.shape)) return `Input "${input.name}": the shape must be whole numbers separated by commas.`;
    if (feed?.source === 'image' && !value.image) return `Input "${input.name}" takes an image: choose one below.`;
  }
  return undefined;
}

async function feedPayload(input: ValueInfo, feed: FeedConfig, image: ImageValue | undefined): Promise<FeedPayload> {
  const dims = parseShape(feed.shape) ?? [];
  if (feed.source === 'random') return { name: input.name, dims, source: 'random' };
  if (feed.source === 'json') return { name: input.name, dims, source: 'values', values: flattenJson(feed.json, input.name) };
  const payload = await imagePayload(image);
  if (!payload) throw new InvalidInputError(`Input "${input.name}" takes an image: choose one.`);
  try {
    const options = { layout: feed.layout, order: feed.order, range: feed.range, mean: numbers(feed.mean), std: numbers(feed.std) };
    return { name: input.name, dims, source: 'values', values: await imageTensor(payload.image, dims, options) };
  } catch (error) {
    throw new InvalidInputError(`Input "${input.name}": ${(error as Error).message}.`);
  }
}

export async function labRequest(value: LabValue): Promise<LabRequest> {
  const model = value.model;
  if (!model) throw new InvalidInputError('No model was given.', 'Drop an .onnx file or give its URL.');
  const feeds: FeedPayload[] = [];
  if (value.action === 'run') {
    for (const input of model.info.inputs) feeds.push(await feedPayload(input, own(value.feeds, input.name) ?? defaultFeed(input), value.image));
  }
  return { action: value.action, model: { key: model.key, name: model.name, bytes: model.bytes }, device: value.device, feeds };
}
