import { DamagedCacheError, DamagedDownloadError } from '../protocol/errors';
import type { DamagedDownload } from '../cache/worker-cache';
import { formatBytes } from '../ui/format';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The files of a load whose downloads failed their checks, told as one error (`outcome`: what was not done with them). */
export function damagedDownloadError(damaged: readonly DamagedDownload[], outcome = 'so it was not cached'): DamagedDownloadError {
  const first = damaged[0];
  const what =
    first.kind === 'length'
      ? `arrived incomplete (${formatBytes(first.received)} of ${formatBytes(first.expected ?? 0)})`
      : 'does not match the sha256 checksum the host gives for it';
  const others = damaged.length > 1 ? ` (and ${damaged.length - 1} more file${damaged.length > 2 ? 's' : ''})` : '';
  return new DamagedDownloadError(
    `The download of ${first.file} from ${hostOf(first.url)} ${what}${others}, ${outcome}.`,
    'Run again to download it again. If it keeps happening, check your connection or the model host.',
  );
}

/**
 * Whether a load failure reads like a file that is not what it should be: onnxruntime cannot parse the model
 * ("protobuf parsing failed", "invalid model"), or a JSON file (config, tokenizer) is cut short or garbled.
 */
export function looksLikeDamagedFile(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) return true;
  return /protobuf parsing failed|invalid (onnx )?model|failed to load model|is not valid JSON|Unexpected end of JSON|Unexpected token|Unterminated string in JSON/i.test(
    message,
  );
}

export function damagedCacheError(model: string): DamagedCacheError {
  return new DamagedCacheError(
    `The cached copy of "${model}" was damaged and was removed — Run again to download it.`,
    'Nothing else needs clearing: the next Run downloads a fresh copy.',
  );
}
