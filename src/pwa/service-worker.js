/* Model Playground service worker. src/pwa/sw-plugin.ts fills in the build id and the precache list
 * and writes it to the build as sw.js. It does three things:
 * 1. precaches the app shell, the onnxruntime WASM and the samples, so the app opens offline;
 * 2. serves them cache-first; a new build installs beside the old one and waits until the page says
 *    "reload" (the "Update available" notice), so a page never mixes two builds;
 * 3. adds COOP/COEP to same-origin responses that lack them, so static hosts that cannot send headers
 *    (GitHub Pages) still get cross-origin isolation and multi-threaded WASM (the coi-serviceworker idea:
 *    https://github.com/gzuidhof/coi-serviceworker). Responses that already carry them pass untouched;
 *    the same goes for the Content-Security-Policy (scripts/csp.mjs), so the app and its workers run
 *    under it on any host. */
const BUILD = '__BUILD_ID__';
const CSP = '__CSP__';
const PRECACHE = /* PRECACHE */ [];
const CACHE = `mp-precache-${BUILD}`;
const SCOPE = self.registration.scope;
const SHELL = new URL('index.html', SCOPE).href;
const URLS = PRECACHE.map((path) => new URL(path, SCOPE).href);
const PRECACHED = new Set(URLS);
// File names under assets/ carry a content hash: the same name is the same bytes, so a copy from the
// previous build's cache is reused instead of downloading ~27 MB of WASM again.
const HASHED = /\/assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/;

// Chromium compiles a WebAssembly response as it goes into Cache Storage (for its code cache). For
// the 27 MB onnxruntime module that is ~20 s of both cores, right when the page compiles the same file
// to load a model. So WASM is stored under a neutral type and gets its real type back when served.
const STORED_TYPE = 'X-Stored-Content-Type';

function forStorage(response) {
  if (response.headers.get('Content-Type') !== 'application/wasm') return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Type', 'application/octet-stream');
  headers.set(STORED_TYPE, 'application/wasm');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function fromStorage(response) {
  const type = response.headers.get(STORED_TYPE);
  if (!type) return response;
  const headers = new Headers(response.headers);
  headers.set('Content-Type', type);
  headers.delete(STORED_TYPE);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function precacheOne(cache, url) {
  const hashed = HASHED.test(url);
  const previous = hashed ? await caches.match(url) : undefined;
  // A hashed file's copy in the HTTP cache is the right one as it is: revalidating it would only renew its
  // response time, and Chromium drops the code cache of an entry whose response time changed (the WASM the page
  // compiled on this first visit would be compiled again on the next).
  const response = previous ?? forStorage(await fetch(url, { cache: hashed ? 'force-cache' : 'no-cache' }));
  if (!response.ok) throw new Error(`Precaching ${url} failed: HTTP ${response.status}`);
  await cache.put(url, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(URLS.map((url) => precacheOne(cache, url)))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith('mp-precache-') && n !== CACHE).map((n) => caches.delete(n)));
      // No clients.claim(): taking over a page mid-load (its worker already fetching and compiling
      // onnxruntime) stalled model loads. The next navigation (a reload, an offline visit) is ours.
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data?.type === 'BUILD') event.ports[0]?.postMessage({ build: BUILD });
});

// Same-origin responses get the isolation headers and the CSP when the host did not send them.
function withPolicies(response) {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const needsIsolation = !response.headers.has('Cross-Origin-Embedder-Policy');
  const needsCsp = !response.headers.has('Content-Security-Policy');
  if (!needsIsolation && !needsCsp) return response;
  const headers = new Headers(response.headers);
  if (needsIsolation) {
    headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  }
  if (needsCsp) headers.set('Content-Security-Policy', CSP);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// V8 keeps its compiled WASM (optimised code included) in Chromium's code cache only for a response that came
// straight from fetch() or from Cache Storage, never for one this worker put together (fromStorage's). So the
// onnxruntime WASM, whose hashed name means any copy is the right one, comes from the HTTP cache (the network
// only if it is not there), passed through untouched; a returning visit then starts on optimised code instead
// of compiling it again while the model runs (README, A returning visit). The precached copy stays the
// fallback: offline with the HTTP cache cleared.
async function passThrough(request) {
  try {
    const response = await fetch(request, { cache: 'force-cache' });
    return response.ok ? response : undefined;
  } catch {
    return undefined;
  }
}

async function respond(request) {
  const url = new URL(request.url);
  const key = request.mode === 'navigate' && !PRECACHED.has(url.origin + url.pathname) ? SHELL : url.origin + url.pathname;
  if (PRECACHED.has(key) && HASHED.test(key) && key.endsWith('.wasm')) {
    const response = await passThrough(request);
    if (response) return withPolicies(response);
  }
  const cache = await caches.open(CACHE);
  const cached = PRECACHED.has(key) ? await cache.match(key) : undefined;
  if (cached) return withPolicies(fromStorage(cached));
  return withPolicies(await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Models come from another origin (the Hub or a mirror) and have their own cache: not ours to touch.
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(respond(request));
});
