import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-browser.mjs';

const MIRROR_PORT = Number(process.env.MIRROR_PORT ?? 8089);
const APP_PORT = Number(process.env.APP_PORT ?? 4173);
export const MIRROR_URL = `http://127.0.0.1:${MIRROR_PORT}/`;

// Tests run against the production build (`vite build` first) served with COOP/COEP by `vite preview`,
// and fetch models from the local mirror in the Hub's URL layout.
export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/e2e.json' }]],
  outputDir: process.env.PW_OUTPUT_DIR ?? 'test-results/e2e',
  use: {
    baseURL: `http://localhost:${APP_PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    // DOM snapshots of every action are kept for a failed test; the screencast is not: recording it re-encodes
    // frames all through every test and made each one ~6 s slower on a 2-core machine.
    trace: { mode: 'retain-on-failure', screenshots: false },
    // The offline service worker precaches ~28 MB on a first visit; only e2e/pwa.spec.ts needs it
    // (it sets 'allow'), and the other specs should not pay for it on every fresh context.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `node scripts/model-mirror.mjs --port ${MIRROR_PORT} --extra-dir e2e/fixtures/models`,
      url: `${MIRROR_URL}api/models`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
    },
    {
      command: `npx vite preview --port ${APP_PORT} --strictPort`,
      url: `http://localhost:${APP_PORT}/`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
    },
  ],
});
