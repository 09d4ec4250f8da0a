import { AutoConfig, ModelRegistry, env } from '@huggingface/transformers';
import { IncompleteModelError, NetworkError, UnsupportedModelError } from '../protocol/errors';
import { DTYPES, type Dtype, type LoadSpec } from '../protocol/messages';
import { cachePrefix } from '../cache/cache-url';
import type { ModelCache } from '../cache/worker-cache';
import { LOCAL_HOST, localRef } from '../models/local-ref';
import { classifyLoadError, isNetworkFailure } from './load-errors';
import { supportsModelType } from './model-checks';
import { requiredFiles } from '../models/required-files';
import { decoderFamilyOf } from '../models/decoder-family';
import type { ModelReport } from './types';
import { damagedCacheError, looksLikeDamagedFile } from './damaged-files';

type InspectSpec = Pick<LoadSpec, 'model' | 'host' | 'revision' | 'task'> & { pipeline?: string };

// File-name suffix of each precision (DEFAULT_DTYPE_SUFFIX_MAPPING in Transformers.js 4.3.1), longest first.
const SUFFIXES: [string, Dtype][] = [
  ['_quantized', 'q8'],
  ['_q4f16', 'q4f16'],
  ['_uint8', 'uint8'],
  ['_int8', 'int8'],
  ['_fp16', 'fp16'],
  ['_bnb4', 'bnb4'],
  ['_q4', 'q4'],
];

/** The precisions for which ONNX files are present, from their names. */
export function dtypesFromFiles(files: readonly string[]): Dtype[] {
  const found = new Set<Dtype>();
  for (const file of files) {
    const match = /^onnx\/(.+)\.onnx$/.exec(file);
    if (!match) continue;
    found.add(SUFFIXES.find(([suffix]) => match[1].endsWith(suffix))?.[1] ?? 'fp32');
  }
  return DTYPES.filter((dtype) => found.has(dtype));
}

/** What a model's config.json says of it: its type, its architectures and its preferred precision. */
function readConfig(parsed: Record<string, unknown>): { modelType?: string; architectures: string[]; configDtype?: unknown } {
  const jsConfig = parsed['transformers.js_config'] as { dtype?: unknown } | undefined;
  return {
    modelType: typeof parsed.model_type === 'string' ? parsed.model_type : undefined,
    architectures: Array.isArray(parsed.architectures) ? parsed.architectures.map(String) : [],
    configDtype: jsConfig?.dtype,
  };
}

function label(spec: InspectSpec): string {
  return spec.host === LOCAL_HOST ? `The folder "${localRef(spec.model.split('/').pop() ?? '')}"` : `"${spec.model}"`;
}

function checkSupported(spec: InspectSpec, modelType: string | undefined, architectures: string[]): void {
  const pipeline = spec.pipeline ?? spec.task;
  // A family the exporter writes in Llama's contract (openPangu-Embedded) loads as its Llama type.
  const loadsAs = decoderFamilyOf(modelType, architectures)?.loadAs.model_type ?? modelType;
  if (supportsModelType(pipeline, loadsAs) !== false) return;
  const arch = architectures.length ? ` (${architectures.join(', ')})` : '';
  throw new UnsupportedModelError(
    `${label(spec)} is a "${modelType}" model${arch}, an architecture this version of Transformers.js (${env.version}) cannot run for ${pipeline}.`,
    'You can still open its ONNX files in the raw ONNX lab, or pick a model with a supported architecture.',
  );
}

async function checkRequiredFiles(spec: InspectSpec): Promise<void> {
  const needed = requiredFiles(spec.pipeline ?? spec.task);
  const present = await Promise.all(
    needed.map(async (file) => (await ModelRegistry.get_file_metadata(spec.model, file, { revision: spec.revision })).exists),
  );
  const missing = needed.filter((_, i) => !present[i]);
  if (missing.length === 0) return;
  throw new IncompleteModelError(
    `${label(spec)} has no ${missing.join(' and ')}, which ${spec.pipeline ?? spec.task} needs.`,
    'Add the missing file (it comes with the model on the Hub, next to config.json), or pick another model.',
  );
}

async function inspectOnline(spec: InspectSpec): Promise<ModelReport> {
  const where = { model: spec.model, host: spec.host };
  const config = await ModelRegistry.get_file_metadata(spec.model, 'config.json', { revision: spec.revision });
  if (!config.exists) throw classifyLoadError(new Error('config.json: 404'), { ...where, stage: 'config' });
  const parsed = (await AutoConfig.from_pretrained(spec.model, { revision: spec.revision })) as unknown as Record<string, unknown>;
  const { modelType, architectures, configDtype } = readConfig(parsed);
  checkSupported(spec, modelType, architectures);
  const available = (await ModelRegistry.get_available_dtypes(spec.model, { revision: spec.revision })) as Dtype[];
  if (available.length === 0) throw classifyLoadError(new Error('no onnx files'), { ...where, stage: 'weights' });
  await checkRequiredFiles(spec);
  return { available, configDtype, modelType, architectures };
}

/** Offline: what the browser cache holds of this model is all there is to go on. */
async function inspectCached(spec: InspectSpec, cache: ModelCache): Promise<ModelReport> {
  const prefix = cachePrefix(spec.host, spec.model, spec.revision);
  const files = await cache.cachedFiles(prefix).catch(() => [] as string[]);
  const config = files.includes('config.json') ? await cache.match(`${prefix}config.json`) : undefined;
  const available = dtypesFromFiles(files);
  if (!config || available.length === 0) {
    throw new NetworkError(
      `Could not reach the model host ${new URL(spec.host).host}, and "${spec.model}" is not in this browser's model cache.`,
      'Connect to the network (or to your mirror) to download it once; after that it loads offline.',
    );
  }
  return { available, ...readConfig((await config.json()) as Record<string, unknown>) };
}

/**
 * Checks a model before loading: it exists, its architecture is supported for the pipeline, it ships
 * ONNX weights and the files the pipeline needs. Offline, falls back to what the browser cache holds.
 */
export async function inspectModel(spec: InspectSpec, cache: ModelCache): Promise<ModelReport> {
  try {
    return await inspectOnline(spec);
  } catch (error) {
    if (spec.host !== LOCAL_HOST && isNetworkFailure(error)) return inspectCached(spec, cache);
    // A config.json cut short in the cache would fail every later check: drop it (and its siblings).
    const prefix = cachePrefix(spec.host, spec.model, spec.revision);
    if (spec.host !== LOCAL_HOST && looksLikeDamagedFile(error) && cache.servedFromCache(prefix)) {
      await cache.purge(prefix).catch(() => undefined);
      throw damagedCacheError(spec.model);
    }
    throw classifyLoadError(error, { model: spec.model, host: spec.host, stage: 'inspect' });
  }
}
