import { expect, test } from '@playwright/test';
import { startStaticServer } from '../scripts/static-server.mjs';
import { injectInline, watchCsp } from './helpers/csp';

// The same build (dist/, base /) from a static server that sends no CSP and no COOP/COEP, like GitHub Pages:
// the <meta> holds on the first visit, then the service worker adds the header to everything it serves.
// No trace: e2e/pwa.spec.ts found that tracing stalls downloads in a page a service worker controls.
test.use({ serviceWorkers: 'allow', trace: 'off' });

test.describe('CSP on a host that sends no headers', () => {
  let server: { url: string; close(): Promise<void> };
  test.beforeAll(async () => {
    server = await startStaticServer({ dir: 'dist', base: '/', csp: false });
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('the <meta> applies on the first visit, and the service worker adds the header to what it serves', async ({ page }) => {
    test.setTimeout(240_000);
    const csp = await watchCsp(page);
    const first = await page.goto(server.url);
    expect(first?.headers()['content-security-policy']).toBeUndefined();
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 180_000 });
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    const controlled = await page.reload();
    expect(controlled?.fromServiceWorker()).toBe(true);
    expect(controlled?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(await csp.events()).toEqual([]);
    expect(csp.console).toEqual([]);
    expect(await injectInline(page)).toEqual({ inlineRan: false, handlerRan: false });
    // Reported by both policies: the service worker's header and the <meta>.
    const directives = async () => (await csp.events()).map((v) => v.directive).sort();
    await expect.poll(directives).toEqual(['script-src-attr', 'script-src-attr', 'script-src-elem', 'script-src-elem']);
  });
});
