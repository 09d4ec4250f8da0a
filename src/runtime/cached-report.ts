// Offline, the host cannot be asked which precisions a model ships; a model Transformers.js has
// already cached can still be described from its Cache Storage entries (keys are the files' URLs).
import type { Dtype, LoadSpec } from '../protocol/messages';
import type { ModelReport } from './types';

const TRANSFORMERS_CACHE = 'transformers-cache';
/** File-name suffixes (before .onnx) of each precision, as in Transformers.js 4.3 DEFAULT_DTYPE_SUFFIX_MAPPING. */
const SUFFIXES: [Dtype, string][] = [
  ['q4f16', '_q4f16'],
  ['fp16', '_fp16'],
  ['q8', '_quantized'],
  ['int8', '_int8'],
  ['uint8', '_uint8'],
  ['bnb4', '_bnb4'],
  ['q4', '_q4'],
];

/** The precisions of the ONNX files among these URLs (one model folder). */
export function dtypesOfFiles(urls: string[]): Dtype[] {
  const found = new Set<Dtype>();
  for (const url of urls) {
    const match = /\/onnx\/([^/]+)\.onnx$/.exec(url);
    if (!match) continue;
    found.add(SUFFIXES.find(([, suffix]) => match[1].endsWith(suffix))?.[0] ?? 'fp32');
  }
  return [...found];
}

export async function cachedReport(spec: Pick<LoadSpec, 'model' | 'host' | 'revision'>): Promise<ModelReport | undefined> {
  if (typeof caches === 'undefined') return undefined;
  const cache = await caches.open(TRANSFORMERS_CACHE);
  const prefix = `${spec.host}${spec.model}/resolve/${spec.revision}/`;
  const config = await cache.match(`${prefix}config.json`);
  if (!config) return undefined;
  const available = dtypesOfFiles((await cache.keys()).map((request) => request.url).filter((url) => url.startsWith(prefix)));
  if (available.length === 0) return undefined;
  const parsed = (await config.json()) as { 'transformers.js_config'?: { dtype?: unknown } };
  return { available, configDtype: parsed['transformers.js_config']?.dtype };
}
