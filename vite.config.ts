/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './src/pwa/sw-plugin.ts';
import { contentSecurityPolicy } from './src/pwa/csp-plugin.ts';
import { LAZY_DIALOGS, TASK_PANELS, startUpPreload } from './src/start-up-plugin.ts';
import { TASK_ORDER } from './src/tasks/order.ts';
import { CSP_HEADER } from './scripts/csp.mjs';
import { transformersInitChain } from './scripts/transformers-init-chain.mjs';

// Cross-origin isolation lets onnxruntime-web use SharedArrayBuffer and run WASM
// multi-threaded; without it, it silently runs on one thread (../shared/PLATFORM.md, trap 4).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The built app runs under a Content-Security-Policy (scripts/csp.mjs). Not the dev server: Vite's dev
// mode injects inline scripts for HMR and React refresh that the policy forbids.
const previewHeaders = { ...isolationHeaders, 'Content-Security-Policy': CSP_HEADER };

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), serviceWorker(), contentSecurityPolicy(), startUpPreload({ idle: LAZY_DIALOGS, panels: TASK_PANELS, firstTask: TASK_ORDER[0] }), transformersInitChain()],
  server: {
    headers: isolationHeaders,
    // Vite ignores only the current outDir: a build into another folder (BUILD_DIR=dist-…, as the tests and
    // parallel checkouts do) would otherwise reload every open dev page on each file it writes.
    watch: { ignored: ['**/dist', '**/dist/**', '**/dist-*', '**/dist-*/**', '**/playwright-report/**', '**/bench-results/**'] },
  },
  preview: { headers: previewHeaders },
  // Worker bundles get their own plugins: Transformers.js lives in the worker.
  worker: { format: 'es', plugins: () => [transformersInitChain()] },
  // Pre-bundling these triggers a mid-session reload the first time the worker imports them.
  optimizeDeps: { exclude: ['onnxruntime-web', '@huggingface/transformers'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    outDir: process.env.BUILD_DIR ?? 'dist',
    rolldownOptions: {
      output: {
        // Fewer, larger start-up files: on a phone's connection each file costs a round trip, and the automatic
        // split made ~20 files of 1–8 kB (modules shared by the shell and the lazy panels). React and its JSX
        // runtime go with react-dom (main.tsx evaluates that chunk first, in a task of its own); the app's modules
        // that two or more chunks share go into one.
        codeSplitting: {
          groups: [
            { name: 'client', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'shared', test: /[\\/]src[\\/]/, minShareCount: 2, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A few tests initialise onnxruntime-web's WASM (seconds on a busy 2-core machine); the limit only catches hangs.
    testTimeout: 30_000,
  },
});
