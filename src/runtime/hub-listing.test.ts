import { describe, expect, it } from 'vitest';
import { DownloadWatch } from './download-watch';
import { Listings, listingUrl, parseListing } from './hub-listing';

const SHA = 'ab'.repeat(32);
const PREFIX = 'http://m/org/a/resolve/main/';

describe('parseListing', () => {
  it('reads lfs.oid and lfs.size from tree entries, and skips plain files (their oid is a git sha1)', () => {
    const tree = [
      { type: 'file', oid: 'c'.repeat(40), size: 417, path: 'config.json' },
      { type: 'directory', oid: 'd'.repeat(40), size: 0, path: 'onnx' },
      { type: 'file', oid: 'e'.repeat(40), size: 1000, path: 'onnx/model.onnx', lfs: { oid: SHA.toUpperCase(), size: 1000, pointerSize: 132 } },
    ];
    expect(parseListing(tree)).toEqual(new Map([['onnx/model.onnx', { sha256: SHA, announced: 1000 }]]));
  });

  it('reads lfs.sha256 from ?blobs=true siblings; anything else reads as an empty list', () => {
    const model = { id: 'org/a', siblings: [{ rfilename: 'onnx/model.onnx', size: 9, lfs: { sha256: SHA, size: 9 } }, { rfilename: 'x.json' }] };
    expect(parseListing(model)).toEqual(new Map([['onnx/model.onnx', { sha256: SHA, announced: 9 }]]));
    for (const body of [null, { error: 'Repository not found' }, [{ path: 'a', lfs: { oid: 'not-a-sha' } }]]) expect(parseListing(body).size).toBe(0);
  });
});

describe('Listings', () => {
  it('asks the host once per model version, and again after drop; a host without the API gives an empty list', async () => {
    const asked: string[] = [];
    const listings = new Listings(async (url) => {
      asked.push(url);
      return url.includes('static') ? new Response('not found', { status: 404 }) : Response.json([{ path: 'onnx/model.onnx', lfs: { oid: SHA, size: 5 } }]);
    });
    const [first, second] = await Promise.all([listings.get('http://m/', 'org/a', 'main'), listings.get('http://m/', 'org/a', 'main')]);
    expect(first).toBe(second);
    expect(asked).toEqual([listingUrl('http://m/', 'org/a', 'main')]);
    expect(asked[0]).toBe('http://m/api/models/org/a/tree/main?recursive=true');
    listings.drop('http://m/', 'org/a', 'main');
    await listings.get('http://m/', 'org/a', 'main');
    expect(asked).toHaveLength(2);
    expect((await listings.get('http://static/', 'org/a', 'main')).size).toBe(0);
  });

  it('a listing that failed (offline, a network error) gives an empty list and is asked again next time', async () => {
    let asked = 0;
    const listings = new Listings(async () => {
      asked += 1;
      throw new TypeError('Failed to fetch');
    });
    expect((await listings.get('http://m/', 'org/a', 'main')).size).toBe(0);
    await listings.get('http://m/', 'org/a', 'main');
    expect(asked).toBe(2);
  });

  it('a file check waits for a listing that never comes only so long, then goes on with what the answers said', async () => {
    const watch = new DownloadWatch({ listingWaitMs: 20 });
    watch.listingUnderWay(PREFIX, new Promise(() => undefined));
    const url = `${PREFIX}onnx/model.onnx`;
    const plain = watch.wrap(async () => new Response('x'.repeat(10), { headers: { 'Content-Length': '10' } }));
    await (await plain(url)).arrayBuffer();
    await expect(watch.expectationOnceListed(url)).resolves.toEqual({ contentLength: 10 });
  });
});

describe('DownloadWatch with a listing', () => {
  it('checks against the listed sha256 and size when the answers carry no X-Linked-*; their headers win when they do', async () => {
    const watch = new DownloadWatch();
    watch.expectListed(PREFIX, new Map([['onnx/model.onnx', { sha256: SHA, announced: 1000 }]]));
    const url = `${PREFIX}onnx/model.onnx`;
    const plain = watch.wrap(async () => new Response('x'.repeat(1000), { headers: { 'Content-Length': '1000' } }));
    await (await plain(url)).arrayBuffer();
    expect(watch.expectationFor(url)).toEqual({ contentLength: 1000, announced: 1000, sha256: SHA });
    const other = 'cd'.repeat(32);
    const linked = watch.wrap(async () => new Response('y', { headers: { 'X-Linked-Etag': `"${other}"`, 'X-Linked-Size': '1' } }));
    await (await linked(url)).arrayBuffer();
    expect(watch.expectationFor(url)).toMatchObject({ announced: 1, sha256: other });
    watch.forget(url);
    expect(watch.expectationFor(url)).toBeUndefined();
  });

  it('a listing under way is not waited for by a load, but a file check under its prefix waits for it', async () => {
    const watch = new DownloadWatch();
    let answer!: () => void;
    const listed = new Promise<void>((resolve) => (answer = resolve)).then(() =>
      watch.expectListed(PREFIX, new Map([['onnx/model.onnx', { sha256: SHA, announced: 1000 }]])),
    );
    watch.listingUnderWay(PREFIX, listed);
    const url = `${PREFIX}onnx/model.onnx`;
    // Another model's check does not wait for this listing.
    await expect(watch.expectationOnceListed('http://m/org/b/resolve/main/onnx/model.onnx')).resolves.toBeUndefined();
    let checked: unknown = 'waiting';
    const check = watch.expectationOnceListed(url).then((expected) => (checked = expected));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(checked).toBe('waiting');
    answer();
    await check;
    expect(checked).toEqual({ contentLength: undefined, announced: 1000, sha256: SHA });
    // A file whose answer carried its own X-Linked-Etag and size waits for no listing.
    watch.listingUnderWay(PREFIX, new Promise(() => undefined));
    const linked = watch.wrap(async () => new Response('y', { headers: { 'X-Linked-Etag': `"${'cd'.repeat(32)}"`, 'X-Linked-Size': '1' } }));
    const own = `${PREFIX}onnx/other.onnx`;
    await (await linked(own)).arrayBuffer();
    await expect(watch.expectationOnceListed(own)).resolves.toMatchObject({ announced: 1, sha256: 'cd'.repeat(32) });
    // Once it came, nothing waits any more; a failed listing does not block the check either.
    watch.listingUnderWay(PREFIX, Promise.reject(new Error('offline')));
    await expect(watch.expectationOnceListed(url)).resolves.toMatchObject({ sha256: SHA });
  });
});
