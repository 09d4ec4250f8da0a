// @ts-check
// `npm start`: the Vite dev server, plus the local model mirror when a models folder is available
// (MODELS_DIR, or ../shared/models), with the link that points the app at it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defaultDir, defaultExtraDirs, startMirror, withGeneratedFixtures } from './model-mirror.mjs';

const APP_PORT = Number(process.env.PORT ?? 5173);
const MIRROR_PORT = Number(process.env.MIRROR_PORT ?? 8089);

async function maybeStartMirror() {
  const dir = defaultDir();
  if (!existsSync(dir)) {
    console.log(`No local models folder at ${dir}: models come from the Hugging Face Hub.`);
    return undefined;
  }
  try {
    // The generated fixtures (e.g. the captioning model) are written on first start and overlaid.
    return await startMirror({ dir, extraDirs: withGeneratedFixtures(defaultExtraDirs()), port: MIRROR_PORT, host: '127.0.0.1' });
  } catch (error) {
    console.warn(`Local model mirror not started: ${/** @type {Error} */ (error).message}`);
    return undefined;
  }
}

const mirror = await maybeStartMirror();
const vite = spawn('npx', ['vite', '--port', String(APP_PORT), '--strictPort'], { stdio: ['inherit', 'inherit', 'inherit'] });

setTimeout(() => {
  const app = `http://localhost:${APP_PORT}/`;
  console.log(`\n  Model Playground: ${app}`);
  if (mirror) console.log(`  With the local model mirror: ${app}?host=${encodeURIComponent(mirror.url)}\n`);
}, 1500);

const stop = () => {
  vite.kill('SIGTERM');
  void mirror?.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', (code) => {
  void mirror?.close();
  process.exit(code ?? 0);
});
