// Downloads that do not go through Transformers.js' env.fetch (OCR's bundled models, the ONNX lab's URLs) get the
// same checks as those that do: length against Content-Length and X-Linked-Size, sha256 against X-Linked-Etag.
import { expectationsFrom, type Expected } from '../runtime/download-watch';
import { damagedDownloadError } from '../runtime/damaged-files';
import { verifyDownload } from './verify-download';

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  } catch {
    return url;
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Reads a whole answer, reporting bytes as they arrive, and refuses it (DamagedDownloadError, as for a model's
 * files) when it is shorter or longer than announced or does not match the announced sha256. A connection that
 * drops before the announced length arrives is refused the same way: that is a truncated file too.
 */
export async function readVerified(
  response: Response,
  url: string,
  options: { onBytes?: (loaded: number, total: number) => void; expected?: Expected; outcome?: string; file?: string } = {},
): Promise<Uint8Array> {
  const expected = expectationsFrom(options.expected ?? {}, response, false);
  const total = expected.announced ?? expected.contentLength ?? 0;
  const damaged = (problem: { kind: 'length' | 'sha256'; received: number; expected?: number }) =>
    damagedDownloadError([{ ...problem, file: options.file ?? fileName(url), url }], options.outcome);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        chunks.push(next.value);
        loaded += next.value.length;
        options.onBytes?.(loaded, Math.max(total, loaded));
      }
    } catch (error) {
      if (total > loaded) throw damaged({ kind: 'length', received: loaded, expected: total });
      throw error;
    }
  }
  const bytes = concat(chunks, loaded);
  const problem = await verifyDownload(bytes.buffer as ArrayBuffer, expected);
  if (problem) throw damaged(problem);
  return bytes;
}
