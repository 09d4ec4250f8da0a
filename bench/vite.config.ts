import path from 'node:path';
import { defineConfig } from 'vite';
import { transformersInitChain } from '../scripts/transformers-init-chain.mjs';

// The benchmark's bare page (`npm run bench` builds it into dist-bench/): the app's Transformers.js and
// onnxruntime-web build, with the same init-chain fix, and nothing else. Served with the app's headers.
const root = import.meta.dirname;
export default defineConfig({
  root,
  base: './',
  publicDir: path.join(root, '..', 'public'),
  worker: { format: 'es', plugins: () => [transformersInitChain()] },
  build: { target: 'es2022', outDir: path.join(root, '..', 'dist-bench'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
