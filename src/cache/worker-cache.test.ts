import { describe, expect, it, vi } from 'vitest';
import { ModelCache, type CacheLike } from './worker-cache';
import type { Expected } from '../runtime/download-watch';
import { LOCAL_HOST } from '../models/local-ref';

/** An in-memory Cache Storage that refuses writes past a byte budget, like a full quota. */
function fakeCache(budget: number) {
  const entries = new Map<string, number>();
  const cache: CacheLike = {
    async match(key) {
      return entries.has(key) ? new Response('x') : undefined;
    },
    async put(key, response) {
      const size = (await response.arrayBuffer()).byteLength;
      const used = [...entries.values()].reduce((a, b) => a + b, 0);
      if (used + size > budget) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      entries.set(key, size);
    },
    async delete(key) {
      return entries.delete(key);
    },
    async keys() {
      return [...entries.keys()].map((url) => ({ url }));
    },
  };
  return { cache, entries };
}

const A = 'http://m/org/a/resolve/main/';
const B = 'http://m/org/b/resolve/main/';

describe('ModelCache', () => {
  it('on a quota error removes what was written of that model, skips its later files and reports it', async () => {
    const { cache, entries } = fakeCache(100);
    const store = new ModelCache(async () => cache);
    await store.put(`${B}config.json`, new Response(new Uint8Array(10)));
    await store.put(`${A}config.json`, new Response(new Uint8Array(10)));
    await store.put(`${A}tokenizer.json`, new Response(new Uint8Array(50)));
    await store.put(`${A}onnx/model.onnx`, new Response(new Uint8Array(500)));
    await store.put(`${A}generation_config.json`, new Response(new Uint8Array(1)));
    expect([...entries.keys()]).toEqual([`${B}config.json`]);
    const failure = store.takeFailure(A);
    expect(failure?.message).toContain('quota exceeded');
    expect(store.takeFailure(A)).toBeUndefined();
    expect(store.takeFailure(B)).toBeUndefined();
  });
  it('never stores or serves files of local folders', async () => {
    const { cache, entries } = fakeCache(1000);
    const store = new ModelCache(async () => cache);
    const key = `${LOCAL_HOST}local/x/resolve/main/config.json`;
    await store.put(key, new Response('{}'));
    expect(entries.size).toBe(0);
    expect(await store.match(key)).toBeUndefined();
  });
  it('lists the cached files of a model version', async () => {
    const { cache } = fakeCache(1000);
    const store = new ModelCache(async () => cache);
    await store.put(`${A}config.json`, new Response('{}'));
    await store.put(`${A}onnx/model_quantized.onnx`, new Response('w'));
    await store.put(`${B}config.json`, new Response('{}'));
    expect(await store.cachedFiles(A)).toEqual(['config.json', 'onnx/model_quantized.onnx']);
  });
  it('keeps a model cached when a partial (206) answer or another non-quota error cannot be stored', async () => {
    const { cache, entries } = fakeCache(1000);
    const store = new ModelCache(async () => ({
      ...cache,
      async put(key: string, response: Response) {
        if (key.endsWith('broken.json')) throw new TypeError('Cache.put: network error');
        return cache.put(key, response);
      },
    }));
    await store.put(`${A}config.json`, new Response('{}'));
    await store.put(`${A}onnx/model.onnx`, new Response('partial', { status: 206 }));
    await store.put(`${A}broken.json`, new Response('{}'));
    expect([...entries.keys()]).toEqual([`${A}config.json`]);
    expect(store.takeFailure(A)).toBeUndefined();
    // The refused file is named for the load's warning (a 206 is not a refusal), once, until the next load.
    expect(store.takeUnsaved(A)).toEqual([{ file: 'broken.json', message: 'Cache.put: network error' }]);
    expect(store.takeUnsaved(A)).toEqual([]);
    await store.put(`${A}broken.json`, new Response('{}'));
    store.allow(A);
    expect(store.takeUnsaved(A)).toEqual([]);
  });
  it('after a quota failure is reported, later writes of that model wait for its next load', async () => {
    const { cache, entries } = fakeCache(20);
    const store = new ModelCache(async () => cache);
    await store.put(`${A}onnx/model.onnx`, new Response(new Uint8Array(500)));
    expect(store.takeFailure(A)?.message).toContain('quota exceeded');
    await store.put(`${A}config.json`, new Response('{}'));
    expect(entries.size).toBe(0);
    store.allow(A);
    await store.put(`${A}config.json`, new Response('{}'));
    expect([...entries.keys()]).toEqual([`${A}config.json`]);
  });
});

describe('ModelCache download checks', () => {
  const sha = async (bytes: Uint8Array<ArrayBuffer>) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

  function checked(expected: Record<string, Expected>) {
    const { cache, entries } = fakeCache(10_000);
    const forgotten: string[] = [];
    const store = new ModelCache(async () => cache, {
      expectationOnceListed: async (url) => expected[url],
      forget: (url) => void forgotten.push(url),
    });
    return { store, entries, forgotten };
  }

  it('does not cache a file shorter than the size announced before it (a truncated 200), and says so', async () => {
    const url = `${A}onnx/model.onnx`;
    const { store, entries, forgotten } = checked({ [url]: { announced: 1000, contentLength: 400 } });
    await store.put(url, new Response(new Uint8Array(400)));
    expect(entries.size).toBe(0);
    expect(store.takeDamaged(A)).toMatchObject([{ file: 'onnx/model.onnx', kind: 'length', received: 400, expected: 1000 }]);
    expect(forgotten).toEqual([url]);
    expect(store.takeDamaged(A)).toEqual([]);
  });

  it('does not cache a file whose length differs from its Content-Length', async () => {
    const url = `${A}config.json`;
    const { store, entries } = checked({ [url]: { contentLength: 20 } });
    await store.put(url, new Response('{"a":'));
    expect(entries.size).toBe(0);
    expect(store.takeDamaged(A)[0]).toMatchObject({ kind: 'length', received: 5, expected: 20 });
  });

  it('does not cache a file whose sha256 differs from the one the host gives', async () => {
    const url = `${A}onnx/model.onnx`;
    const good = new Uint8Array([1, 2, 3, 4]);
    const { store, entries } = checked({ [url]: { announced: 4, contentLength: 4, sha256: await sha(good) } });
    await store.put(url, new Response(new Uint8Array([1, 2, 3, 5])));
    expect(entries.size).toBe(0);
    expect(store.takeDamaged(A)[0]).toMatchObject({ kind: 'sha256', received: 4 });
  });

  it('caches a file whose length and sha256 match, with its bytes intact', async () => {
    const url = `${A}onnx/model.onnx`;
    const good = new Uint8Array([1, 2, 3, 4]);
    const { store, entries } = checked({ [url]: { announced: 4, contentLength: 4, sha256: await sha(good) } });
    await store.put(url, new Response(good, { headers: { 'content-length': '4' } }));
    expect(entries.get(url)).toBe(4);
    expect(store.takeDamaged(A)).toEqual([]);
  });

  it('checks and stores the bytes the download kept as they arrived, without reading the answer back', async () => {
    const url = `${A}onnx/model.onnx`;
    const good = new Uint8Array([1, 2, 3, 4]);
    const { cache, entries } = fakeCache(10_000);
    const taken: string[] = [];
    const store = new ModelCache(async () => cache, {
      expectationOnceListed: async () => ({ announced: 4, contentLength: 4, sha256: await sha(good) }),
      forget: () => undefined,
      takeBody: (key) => (taken.push(key), good.slice().buffer),
    });
    const answer = new Response(good, { headers: { 'content-length': '4' } });
    const read = vi.spyOn(answer, 'arrayBuffer');
    await store.put(url, answer);
    expect(read).not.toHaveBeenCalled();
    expect(taken).toEqual([url]);
    expect(entries.get(url)).toBe(4);
    // Kept bytes of another length than the answer Transformers.js rebuilt are not trusted: the answer is read.
    const other = new Response(good, { headers: { 'content-length': '4' } });
    const store2 = new ModelCache(async () => cache, { expectationOnceListed: async () => undefined, forget: () => undefined, takeBody: () => new Uint8Array(3).buffer });
    const readOther = vi.spyOn(other, 'arrayBuffer');
    await store2.put(`${B}onnx/model.onnx`, other);
    expect(readOther).toHaveBeenCalled();
    expect(entries.get(`${B}onnx/model.onnx`)).toBe(4);
  });

  it('uses the kept bytes when the answer says no length, and lets them go when the file turns out to be cached', async () => {
    const url = `${A}onnx/model.onnx`;
    const { cache, entries } = fakeCache(10_000);
    const kept = new Map([[url, new Uint8Array([9, 9, 9]).buffer]]);
    const store = new ModelCache(async () => cache, {
      expectationOnceListed: async () => ({ contentLength: 3 }),
      forget: () => undefined,
      takeBody: (key) => {
        const bytes = kept.get(key);
        kept.delete(key);
        return bytes;
      },
    });
    const answer = new Response(new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array([9, 9, 9])), c.close()) }));
    expect(answer.headers.get('content-length')).toBeNull();
    const read = vi.spyOn(answer, 'arrayBuffer');
    await store.put(url, answer);
    expect(read).not.toHaveBeenCalled();
    expect(entries.get(url)).toBe(3);
    // Another download of it kept, then Transformers.js' second lookup finds it cached: no put follows, the bytes go.
    kept.set(url, new Uint8Array(3).buffer);
    expect(await store.match(url)).toBeDefined();
    expect(kept.has(url)).toBe(false);
  });

  it('a kept download is let go of when its model\'s caching is blocked', async () => {
    const { cache } = fakeCache(3);
    const taken: string[] = [];
    const store = new ModelCache(async () => cache, { expectationOnceListed: async () => undefined, forget: () => undefined, takeBody: (key) => void taken.push(key) });
    await store.put(`${A}onnx/model.onnx`, new Response(new Uint8Array(4)));
    expect(store.takeFailure(A)?.message).toContain('quota');
    await store.put(`${A}onnx/model_q4.onnx`, new Response(new Uint8Array(2)));
    expect(taken).toEqual([`${A}onnx/model.onnx`, `${A}onnx/model_q4.onnx`]);
  });

  it('remembers which files of a model version were answered from the cache, until its next load', async () => {
    const { store } = checked({});
    await store.put(`${A}config.json`, new Response('{}'));
    expect(store.servedFromCache(A)).toBe(false);
    await store.match(`${B}config.json`);
    expect(store.servedFromCache(A)).toBe(false);
    await store.match(`${A}config.json`);
    expect(store.servedFromCache(A)).toBe(true);
    store.allow(A);
    expect(store.servedFromCache(A)).toBe(false);
  });

  it('a load came from the cache alone when its files were answered from it and none was downloaded', async () => {
    const { store } = checked({});
    await store.put(`${A}config.json`, new Response('{}'));
    await store.put(`${A}onnx/model.onnx`, new Response(new Uint8Array(4)));
    // The first load downloaded both files (the cache was asked, and missed, before each download).
    expect(store.loadedFromCache(A)).toBe(false);
    store.allow(A);
    await store.match(`${A}config.json`);
    await store.match(`${A}onnx/model.onnx`);
    expect(store.loadedFromCache(A)).toBe(true);
    // Another precision's file downloaded in the same load: not from the cache alone. A Range probe (206) is no download.
    store.allow(A);
    await store.match(`${A}config.json`);
    await store.put(`${A}onnx/model.onnx`, new Response(new Uint8Array(2), { status: 206 }));
    expect(store.loadedFromCache(A)).toBe(true);
    await store.put(`${A}onnx/model_q4.onnx`, new Response(new Uint8Array(4)));
    expect(store.loadedFromCache(A)).toBe(false);
    // Nothing of B was asked for: B's load did not come from the cache.
    expect(store.loadedFromCache(B)).toBe(false);
  });

  it('a file downloaded while the model\'s caching is blocked (after a quota failure) still counts as downloaded', async () => {
    const { cache } = fakeCache(3);
    const store = new ModelCache(async () => cache);
    await store.put(`${A}config.json`, new Response('{}'));
    await store.put(`${A}onnx/model.onnx`, new Response(new Uint8Array(4)));
    expect(store.takeFailure(A)?.message).toContain('quota');
    store.allow(A);
    await store.put(`${A}config.json`, new Response('{}'));
    expect(store.servedFromCache(A)).toBe(false);
    await store.match(`${A}config.json`);
    await store.put(`${A}onnx/model.onnx`, new Response(new Uint8Array(4)));
    expect(store.loadedFromCache(A)).toBe(false);
  });
});
