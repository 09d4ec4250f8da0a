// @vitest-environment node
// The service worker's own logic, run in a sandbox with its globals faked: how it fetches what it precaches and how
// it answers the onnxruntime WASM. The browser side (offline reloads, update notices, isolation headers) is in
// e2e/pwa.spec.ts; the speed it is for is the bench's "returning visit" column.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const TEMPLATE = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
const SCOPE = 'https://play.example/';
const WASM = 'assets/ort-wasm-simd-threaded-DcHrbrbl.wasm';
const SCRIPT = 'assets/boot-OixkQkST.js';

type Listener = (event: Record<string, unknown>) => void;

/** The worker script with a precache list, in a sandbox whose fetch answers from `net` (or fails: offline). */
function load(net: { offline?: boolean } = {}) {
  const listeners: Record<string, Listener> = {};
  const fetches: { url: string; cache?: string; response?: Response }[] = [];
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      match: async (key: string) => store.get(key)?.clone(),
      put: async (key: string, response: Response) => void store.set(key, response),
    };
  };
  const fetch = async (input: string | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input.url;
    if (net.offline) throw new TypeError('Failed to fetch');
    const type = url.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
    const response = new Response(`bytes of ${url}`, { headers: { 'Content-Type': type, 'Cross-Origin-Embedder-Policy': 'require-corp', 'Content-Security-Policy': "default-src 'self'" } });
    fetches.push({ url, cache: init?.cache ?? (typeof input === 'string' ? undefined : input.cache), response });
    return response;
  };
  const caches = {
    open,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (key: string) => {
      for (const store of stores.values()) if (store.has(key)) return store.get(key)!.clone();
      return undefined;
    },
  };
  const self = { registration: { scope: SCOPE }, addEventListener: (type: string, listener: Listener) => (listeners[type] = listener), skipWaiting: () => undefined };
  const source = TEMPLATE.replace('/* PRECACHE */ []', JSON.stringify([WASM, SCRIPT, 'index.html'])).replace("'__CSP__'", '"default-src \'self\'"');
  vm.runInNewContext(source, { self, caches, fetch, Response, Headers, URL, Request, Promise, Set, Error, TypeError, console });
  return {
    fetches,
    async install() {
      let done: Promise<unknown> = Promise.resolve();
      listeners.install({ waitUntil: (p: Promise<unknown>) => (done = p) });
      await done;
    },
    async request(path: string): Promise<Response> {
      let answer: Promise<Response> | undefined;
      const request = new Request(new URL(path, SCOPE).href);
      listeners.fetch({ request, respondWith: (p: Promise<Response>) => (answer = p) });
      if (!answer) throw new Error('not answered by the worker');
      return answer;
    },
    net,
  };
}

describe('service worker', () => {
  it('precaches a hashed file from the HTTP cache as it is (no revalidation), and the rest revalidated', async () => {
    const sw = load();
    await sw.install();
    expect(sw.fetches.find((f) => f.url === SCOPE + WASM)?.cache).toBe('force-cache');
    expect(sw.fetches.find((f) => f.url === SCOPE + SCRIPT)?.cache).toBe('force-cache');
    expect(sw.fetches.find((f) => f.url === `${SCOPE}index.html`)?.cache).toBe('no-cache');
  });

  it('passes the onnxruntime WASM through from fetch() untouched, so Chromium keeps V8’s compiled code for it', async () => {
    const sw = load();
    await sw.install();
    const before = sw.fetches.length;
    const response = await sw.request(WASM);
    const fetched = sw.fetches.slice(before);
    expect(fetched).toHaveLength(1);
    expect(fetched[0].cache).toBe('force-cache');
    // The very object fetch() gave: not a Response the worker put together.
    expect(response).toBe(fetched[0].response);
    expect(response.headers.get('Content-Type')).toBe('application/wasm');
  });

  it('serves the precached WASM, with its real type, when fetch fails (offline)', async () => {
    const sw = load();
    await sw.install();
    sw.net.offline = true;
    const response = await sw.request(WASM);
    expect(response.headers.get('Content-Type')).toBe('application/wasm');
    expect(await response.text()).toBe(`bytes of ${SCOPE}${WASM}`);
  });

  it('serves other precached files from its cache, without the network', async () => {
    const sw = load();
    await sw.install();
    const before = sw.fetches.length;
    const response = await sw.request(SCRIPT);
    expect(sw.fetches.length).toBe(before);
    expect(await response.text()).toBe(`bytes of ${SCOPE}${SCRIPT}`);
  });
});
