/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './src/pwa/sw-plugin.ts';
// @ts-expect-error -- a typed ESM script without a declaration file
import { transformersInitChain } from './scripts/transformers-init-chain.mjs';

// Cross-origin isolation lets onnxruntime-web use SharedArrayBuffer and run WASM
// multi-threaded; without it, it silently runs on one thread (../shared/PLATFORM.md, trap 4).
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), serviceWorker(), transformersInitChain()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  // Worker bundles get their own plugins: Transformers.js lives in the worker.
  worker: { format: 'es', plugins: () => [transformersInitChain()] },
  // Pre-bundling these triggers a mid-session reload the first time the worker imports them.
  optimizeDeps: { exclude: ['onnxruntime-web', '@huggingface/transformers'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, outDir: process.env.BUILD_DIR ?? 'dist' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
