import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadWatch, expectationsFrom } from './download-watch';
import { damagedCacheError, damagedDownloadError, looksLikeDamagedFile } from './damaged-files';

const URL_A = 'http://m/org/a/resolve/main/onnx/model.onnx';
const SHA = 'ab'.repeat(32);

afterEach(() => vi.useRealTimers());

describe('expectationsFrom', () => {
  it('reads the total of a Range probe, then the full answer\'s Content-Length, X-Linked-Size and X-Linked-Etag', () => {
    const probe = new Response('x', { status: 206, headers: { 'Content-Range': 'bytes 0-0/1000' } });
    const fromProbe = expectationsFrom({}, probe, true);
    expect(fromProbe).toEqual({ announced: 1000, sha256: undefined });
    const full = new Response('', { status: 200, headers: { 'Content-Length': '400' } });
    expect(expectationsFrom(fromProbe, full, false)).toMatchObject({ announced: 1000, contentLength: 400 });
    const linked = new Response('', { status: 200, headers: { 'X-Linked-Size': '1000', 'X-Linked-Etag': `"${SHA.toUpperCase()}"` } });
    expect(expectationsFrom({}, linked, false)).toMatchObject({ announced: 1000, sha256: SHA });
  });

  it('ignores a git blob sha1 and the Content-Length of a compressed body', () => {
    const response = new Response('', {
      status: 200,
      headers: { 'X-Linked-Etag': '"' + 'a'.repeat(40) + '"', 'Content-Encoding': 'gzip', 'Content-Length': '10' },
    });
    expect(expectationsFrom({}, response, false)).toEqual({ sha256: undefined, contentLength: undefined });
  });
});

/** A fetch whose body the test feeds by hand. */
function manualFetch() {
  let push!: ReadableStreamDefaultController<Uint8Array>;
  const signals: AbortSignal[] = [];
  const fetch = async (_input: string | URL, init?: RequestInit) => {
    signals.push(init!.signal!);
    let own!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void (push = own = controller) });
    init!.signal!.addEventListener('abort', () => own.error(init!.signal!.reason));
    return new Response(body, { status: 200, headers: { 'Content-Length': '3', 'X-Linked-Size': '3' } });
  };
  return { fetch, push: (bytes: number[]) => push.enqueue(new Uint8Array(bytes)), end: () => push.close(), signals };
}

describe('DownloadWatch', () => {
  it('reports a download that gets no byte for the stall time, and clears it when bytes flow again', async () => {
    let now = 0;
    const watch = new DownloadWatch({ now: () => now, stallMs: 15_000 });
    const seen: (string | undefined)[] = [];
    watch.onStall((host) => seen.push(host));
    const source = manualFetch();
    const response = await watch.wrap(source.fetch)(URL_A);
    const reader = response.body!.getReader();
    source.push([1]);
    await reader.read();
    now = 14_000;
    watch.check();
    expect(seen).toEqual([]);
    now = 16_000;
    watch.check();
    expect(seen).toEqual(['m']);
    source.push([2, 3]);
    await reader.read();
    expect(seen).toEqual(['m', undefined]);
    source.end();
    expect((await reader.read()).done).toBe(true);
    expect(watch.expectationFor(URL_A)).toMatchObject({ contentLength: 3, announced: 3 });
  });

  it('aborts the downloads of a cancelled model version and refuses new ones until unblocked', async () => {
    const watch = new DownloadWatch();
    const source = manualFetch();
    const fetch = watch.wrap(source.fetch);
    const response = await fetch(URL_A);
    const other = await fetch('http://m/org/b/resolve/main/config.json');
    watch.abort('http://m/org/a/resolve/main/');
    await expect(response.arrayBuffer()).rejects.toMatchObject({ name: 'CancelledError' });
    expect(source.signals[1].aborted).toBe(false);
    await expect(fetch(URL_A)).rejects.toMatchObject({ name: 'CancelledError' });
    watch.unblock('http://m/org/a/resolve/main/');
    await expect(fetch(URL_A)).resolves.toBeInstanceOf(Response);
    await other.body?.cancel();
  });

  it('keeps the bytes of a full download as they passed through, for the cache, and hands them out once', async () => {
    const watch = new DownloadWatch();
    watch.keepBodies('http://m/org/a/resolve/main/');
    const source = manualFetch();
    const response = await watch.wrap(source.fetch)(URL_A);
    const read = response.arrayBuffer();
    source.push([1]);
    source.push([2, 3]);
    source.end();
    expect(Array.from(new Uint8Array(await read))).toEqual([1, 2, 3]);
    expect(Array.from(new Uint8Array(watch.takeBody(URL_A)!))).toEqual([1, 2, 3]);
    expect(watch.takeBody(URL_A)).toBeUndefined();
  });

  it('keeps exactly what arrived when it is longer or shorter than announced, or came without a length', async () => {
    const answer = (bytes: number[], headers: Record<string, string>) => async () => new Response(new Uint8Array(bytes), { status: 200, headers });
    const watch = new DownloadWatch();
    watch.keepBodies('http://m/org/a/resolve/main/');
    for (const [bytes, headers] of [
      [[1, 2, 3, 4, 5], { 'Content-Length': '3' }],
      [[1, 2], { 'Content-Length': '3' }],
      [[7, 8, 9], {}],
    ] as const) {
      await (await watch.wrap(answer([...bytes], headers))(URL_A)).arrayBuffer();
      expect(Array.from(new Uint8Array(watch.takeBody(URL_A)!))).toEqual(bytes);
    }
  });

  it('keeps nothing of a Range probe, an unfinished download or an error, and lets go of what a load left', async () => {
    const watch = new DownloadWatch();
    watch.keepBodies('http://m/org/a/resolve/main/');
    watch.keepBodies('http://m/org/b/resolve/main/');
    const probe = async () => new Response(new Uint8Array([1]), { status: 206, headers: { 'Content-Range': 'bytes 0-0/3' } });
    await (await watch.wrap(probe)(URL_A, { headers: { Range: 'bytes=0-0' } })).arrayBuffer();
    expect(watch.takeBody(URL_A)).toBeUndefined();
    const missing = async () => new Response('not found', { status: 404 });
    await (await watch.wrap(missing)(URL_A)).text();
    expect(watch.takeBody(URL_A)).toBeUndefined();
    const source = manualFetch();
    const unfinished = await watch.wrap(source.fetch)(URL_A);
    const reader = unfinished.body!.getReader();
    source.push([1]);
    await reader.read();
    expect(watch.takeBody(URL_A)).toBeUndefined();
    await reader.cancel();
    const whole = async () => new Response(new Uint8Array([4, 5]), { status: 200 });
    await (await watch.wrap(whole)(URL_A)).arrayBuffer();
    await (await watch.wrap(whole)('http://m/org/b/resolve/main/config.json')).arrayBuffer();
    watch.dropBodies('http://m/org/a/resolve/main/');
    expect(watch.takeBody(URL_A)).toBeUndefined();
    expect(watch.takeBody('http://m/org/b/resolve/main/config.json')).toBeDefined();
  });

  it('keeps nothing outside a load, after it, when the length cannot be allocated, or when two downloads of a URL overlap', async () => {
    const whole = (bytes: number[], headers: Record<string, string> = {}) => async () => new Response(new Uint8Array(bytes), { status: 200, headers });
    const watch = new DownloadWatch();
    await (await watch.wrap(whole([1, 2]))(URL_A)).arrayBuffer();
    expect(watch.takeBody(URL_A)).toBeUndefined();
    watch.keepBodies('http://m/org/a/resolve/main/');
    // A download that finishes after its load ended (dropBodies) is not kept.
    const source = manualFetch();
    const late = await watch.wrap(source.fetch)(URL_A);
    const read = late.arrayBuffer();
    watch.dropBodies('http://m/org/a/resolve/main/');
    source.push([1, 2, 3]);
    source.end();
    await read;
    expect(watch.takeBody(URL_A)).toBeUndefined();
    watch.keepBodies('http://m/org/a/resolve/main/');
    // An announced length no buffer can hold: nothing is kept (the cache reads the answer itself).
    await (await watch.wrap(whole([1, 2], { 'Content-Length': String(2 ** 52) }))(URL_A)).arrayBuffer();
    expect(watch.takeBody(URL_A)).toBeUndefined();
    // Two overlapping downloads of one URL: neither is kept.
    const first = manualFetch();
    const second = manualFetch();
    const a = await watch.wrap(first.fetch)(URL_A);
    const b = await watch.wrap(second.fetch)(URL_A);
    const readA = a.arrayBuffer();
    const readB = b.arrayBuffer();
    first.push([1, 2, 3]);
    first.end();
    second.push([4, 5, 6]);
    second.end();
    await Promise.all([readA, readB]);
    expect(watch.takeBody(URL_A)).toBeUndefined();
    // Afterwards, a download on its own is kept again.
    await (await watch.wrap(whole([7, 8]))(URL_A)).arrayBuffer();
    expect(Array.from(new Uint8Array(watch.takeBody(URL_A)!))).toEqual([7, 8]);
  });
});

describe('damaged files', () => {
  it('says what arrived and what to do, and recognises files that cannot be parsed', () => {
    const error = damagedDownloadError([{ file: 'onnx/model.onnx', url: URL_A, kind: 'length', received: 1_460_000, expected: 3_640_000 }]);
    expect(error.name).toBe('DamagedDownloadError');
    expect(error.message).toBe('The download of onnx/model.onnx from m arrived incomplete (1.5 MB of 3.6 MB), so it was not cached.');
    expect(error.hint).toMatch(/Run again/);
    expect(damagedCacheError('org/a').message).toBe('The cached copy of "org/a" was damaged and was removed — Run again to download it.');
    expect(looksLikeDamagedFile(new Error("Can't create a session. ERROR_CODE: 7, ERROR_MESSAGE: Failed to load model because protobuf parsing failed."))).toBe(true);
    expect(looksLikeDamagedFile(new SyntaxError('Unexpected end of JSON input'))).toBe(true);
    expect(looksLikeDamagedFile(new Error('Failed to fetch'))).toBe(false);
  });
});
