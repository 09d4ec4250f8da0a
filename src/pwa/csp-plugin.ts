// Writes the Content-Security-Policy into the built index.html as a <meta http-equiv>, for static hosts
// that send no headers (the first visit, before the service worker adds the header). It goes right after
// <meta charset>, before any script or style it governs. Build only: Vite's dev server injects inline
// scripts (HMR, React refresh) that the policy forbids.
import type { Plugin } from 'vite';
import { CSP_META } from '../../scripts/csp.mjs';

const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'model-playground:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!CHARSET.test(html)) throw new Error('index.html needs a <meta charset> to place the CSP after');
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CSP_META.replaceAll('"', '&quot;')}" />`;
        return html.replace(CHARSET, (charset) => `${charset}\n    ${meta}`);
      },
    },
  };
}
