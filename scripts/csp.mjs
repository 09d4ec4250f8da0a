// @ts-check
/**
 * The app's Content-Security-Policy, in one place: `vite preview` (vite.config.ts), scripts/static-server.mjs
 * and the service worker (src/pwa/sw-plugin.ts) send it as a header, and the build writes it into index.html
 * as a <meta http-equiv> (for hosts that can send no headers, before the service worker takes over).
 * The dev server (`npm start`, `npm run dev`) gets none: Vite's dev mode injects inline scripts for HMR and
 * React refresh, which this policy forbids on purpose.
 *
 * Why each source is there:
 * - script-src 'wasm-unsafe-eval': onnxruntime-web compiles its WebAssembly; nothing inline, no eval.
 * - worker-src blob:: onnxruntime may start its helper workers from blob: URLs.
 * - style-src-attr 'unsafe-inline': React `style={...}` props and KaTeX's sized spans are style attributes;
 *   style sheets themselves come only from the app's own files.
 * - img-src https: http: data: blob:: users paste image URLs from anywhere, and pictures they pick or the
 *   app draws are data:/blob: URLs.
 * - connect-src https: http:: models come from the Hugging Face Hub (huggingface.co and its CDN hosts,
 *   which change) or from any mirror the user types into Settings, and the ONNX lab fetches any model URL
 *   the user gives it. The list of hosts is the user's choice at run time, so it cannot be fixed at build
 *   time; what the policy still forbids is inline script, foreign script, plugins, framing and form posts.
 */

/** @type {Record<string, string[]>} directive → sources */
const DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'"],
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https:', 'http:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'blob:', 'mediastream:'],
  'connect-src': ["'self'", 'https:', 'http:', 'data:', 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
};

/** Only honoured as a header: in a <meta> element browsers ignore it and log a warning. */
const HEADER_ONLY = { 'frame-ancestors': ["'none'"] };

/** @param {Record<string, string[]>} directives */
const serialise = (directives) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** The policy for the Content-Security-Policy response header. */
export const CSP_HEADER = serialise({ ...DIRECTIVES, ...HEADER_ONLY });

/** The policy for `<meta http-equiv="Content-Security-Policy">` (no header-only directives). */
export const CSP_META = serialise(DIRECTIVES);
