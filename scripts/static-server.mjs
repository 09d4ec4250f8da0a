// @ts-check
/**
 * static-server: serves a production build under a sub-path, the way a static host (GitHub Pages,
 * S3, Netlify...) does: plain files, no SPA rewrites, and by default NO COOP/COEP headers, so the
 * app's service worker has to supply cross-origin isolation itself. Used by e2e/pwa.spec.ts.
 *
 *   node scripts/static-server.mjs --dir dist --base /playground/ [--port 8080] [--isolation]
 *
 * --isolation sends COOP/COEP like `vite preview` does. Paths outside the base path are 404s.
 * Every response carries the app's Content-Security-Policy (scripts/csp.mjs), as a careful host would send;
 * --no-csp leaves it out, like a host that can send no headers (the service worker then adds it).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CSP_HEADER } from './csp.mjs';
import { fileValidators, notModified } from './http-validators.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Vite names what it builds into assets/ by its content's hash, so a name never changes meaning: cached for a year
 * without a check. The rest (index.html, the manifest, the samples) is checked on every use; the service worker
 * script must be, so updates are found.
 * @param {string} relative the path under the base
 */
function cacheControl(relative) {
  if (path.basename(relative) === 'sw.js') return 'no-cache';
  if (/^assets\/[^/]+-[\w-]{8,}\.[a-z0-9]+$/i.test(relative)) return 'public, max-age=31536000, immutable';
  return 'max-age=0, must-revalidate';
}

/** The real path of a regular file, or undefined (missing, a folder, a dangling link). */
function realFile(/** @type {string} */ file) {
  try {
    const real = fs.realpathSync(file);
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {{ dir: string, base?: string, port?: number, host?: string, isolation?: boolean, csp?: boolean }} options
 * @returns {Promise<{ server: http.Server, url: string, close(): Promise<void> }>}
 */
export function startStaticServer({ dir, base = '/', port = 0, host = '127.0.0.1', isolation = false, csp = true }) {
  const root = path.resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const realRoot = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    // Any request may be malformed or race a deleted file; the server answers it and stays up.
    try {
      serve(req, res);
    } catch (error) {
      console.warn(`static-server: ${req.method} ${JSON.stringify(req.url)} failed: ${/** @type {Error} */ (error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    }
  });
  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  function serve(req, res) {
    const url = URL.parse(req.url ?? '/', 'http://localhost');
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    let relative;
    try {
      relative = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(root, relative.endsWith('/') ? `${relative}index.html` : relative);
    const real = file.startsWith(root + path.sep) ? realFile(file) : undefined;
    // A symlink inside the folder that points outside it is not served either.
    if (!real || !real.startsWith(realRoot + path.sep)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const stat = fs.statSync(real);
    const validators = fileValidators(stat);
    /** @type {Record<string, string | number>} */
    const headers = {
      'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': cacheControl(relative),
      // Validators, as static hosts send them: a revalidation is a 304, so the browser keeps its cached copy and
      // what it keeps beside it (V8's compiled code for a WASM file is tied to that cached response).
      ...validators,
    };
    if (csp) headers['Content-Security-Policy'] = CSP_HEADER;
    if (isolation) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    if (notModified(req, validators)) {
      delete headers['Content-Length'];
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(real).on('error', () => res.destroy()).pipe(res);
  }
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        server,
        url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${address.port}${prefix}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done(undefined));
            server.closeAllConnections();
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const value = (/** @type {string} */ name) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const { url } = await startStaticServer({
    dir: value('--dir') ?? 'dist',
    base: value('--base') ?? process.env.BASE_PATH ?? '/',
    port: Number(value('--port') ?? 8080),
    isolation: args.includes('--isolation'),
    csp: !args.includes('--no-csp'),
  });
  console.log(`Serving ${value('--dir') ?? 'dist'} at ${url}${args.includes('--isolation') ? ' (with COOP/COEP)' : ' (no COOP/COEP: the service worker isolates)'}`);
}
