import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DamagedDownloadError } from '../protocol/errors';
import { readVerified } from './verified-fetch';

const URL_A = 'http://127.0.0.1:8403/models/model.onnx';
const BYTES = new Uint8Array(1000).map((_, i) => i % 251);
const SHA = createHash('sha256').update(BYTES).digest('hex');

/** A body that sends `sent` bytes, then fails as a dropped connection does. */
function droppedAfter(sent: number): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream({
    pull(controller) {
      if (done) return controller.error(new TypeError('network error'));
      done = true;
      controller.enqueue(BYTES.slice(0, sent));
    },
  });
}

describe('readVerified', () => {
  it('returns a whole file and reports its bytes', async () => {
    const seen: number[] = [];
    const response = new Response(BYTES, { headers: { 'Content-Length': '1000', 'X-Linked-Size': '1000', 'X-Linked-Etag': `"${SHA}"` } });
    const bytes = await readVerified(response, URL_A, { onBytes: (loaded, total) => seen.push(loaded, total) });
    expect(bytes).toEqual(BYTES);
    expect(seen.slice(-2)).toEqual([1000, 1000]);
  });

  it('refuses a file shorter than the size its host announced', async () => {
    const response = new Response(BYTES.slice(0, 400), { headers: { 'X-Linked-Size': '1000' } });
    const error = await readVerified(response, URL_A).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedDownloadError);
    expect((error as Error).message).toBe('The download of model.onnx from 127.0.0.1:8403 arrived incomplete (400 B of 1.0 kB), so it was not cached.');
  });

  it('refuses a connection that drops before the announced length arrived, in the same words', async () => {
    const response = new Response(droppedAfter(300), { headers: { 'Content-Length': '1000' } });
    await expect(readVerified(response, URL_A, { outcome: 'so it was not opened' })).rejects.toThrow(/arrived incomplete \(300 B of 1\.0 kB\), so it was not opened\./);
  });

  it('refuses a file whose sha256 is not the one announced', async () => {
    const altered = BYTES.slice();
    altered[500] ^= 0xff;
    const response = new Response(altered, { headers: { 'X-Linked-Etag': `"${SHA}"` } });
    await expect(readVerified(response, URL_A)).rejects.toThrow(/does not match the sha256 checksum the host gives for it/);
  });

  it('uses expectations learnt elsewhere (a model listing) when the answer carries none', async () => {
    const altered = BYTES.slice();
    altered[10] ^= 1;
    await expect(readVerified(new Response(altered), URL_A, { expected: { sha256: SHA, announced: 1000 } })).rejects.toBeInstanceOf(DamagedDownloadError);
    expect(await readVerified(new Response(BYTES), URL_A, { expected: { sha256: SHA, announced: 1000 } })).toEqual(BYTES);
  });
});
