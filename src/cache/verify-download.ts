import type { Expected } from '../runtime/download-watch';

/** Why a downloaded file was not cached. */
export interface DownloadProblem {
  kind: 'length' | 'sha256';
  /** Bytes received. */
  received: number;
  /** Bytes the host announced (for a length problem). */
  expected?: number;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Checks a downloaded file against what its host announced: its length against the answer's Content-Length
 * and the size announced before (X-Linked-Size or a Range probe's total), then — only when the length is
 * right, since hashing tens of MB takes a moment — its sha256 against the Hub's X-Linked-Etag.
 */
export async function verifyDownload(bytes: ArrayBuffer, expected: Expected | undefined): Promise<DownloadProblem | undefined> {
  const received = bytes.byteLength;
  for (const size of [expected?.contentLength, expected?.announced]) {
    if (size !== undefined && size !== received) return { kind: 'length', received, expected: size };
  }
  if (expected?.sha256 && (await sha256Hex(bytes)) !== expected.sha256) return { kind: 'sha256', received };
  return undefined;
}
