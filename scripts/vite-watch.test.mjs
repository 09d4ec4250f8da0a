// @ts-check
// The dev server must not reload open pages when a build folder is rewritten (BUILD_DIR=dist-… builds run
// beside `npm start`): vite.config.ts's server.watch.ignored keeps dist-* out of the watcher.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Resolves with the next watcher event for a path under `dir`. */
/** @param {import('vite').FSWatcher} watcher @param {string} dir */
function nextEventUnder(watcher, dir) {
  return new Promise((resolve) => {
    const onEvent = (/** @type {string} */ event, /** @type {string} */ file) => {
      if (!path.resolve(file).startsWith(dir)) return;
      watcher.off('all', onEvent);
      resolve({ event, file });
    };
    watcher.on('all', onEvent);
  });
}

test('files written to dist-* folders reach no dev-server watcher; other files do', { timeout: 120_000 }, async () => {
  const build = path.join(ROOT, `dist-watch-probe-${process.pid}`);
  const control = path.join(ROOT, `watch-probe-${process.pid}`);
  const server = await createServer({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'silent', server: { hmr: false } });
  /** @type {string[]} */
  const seen = [];
  try {
    const watcher = server.watcher;
    watcher.on('all', (_event, file) => seen.push(path.resolve(file)));
    // Both folders exist before the watcher is known to be up, so each is as watched as the config lets it be.
    fs.mkdirSync(build);
    fs.mkdirSync(control);
    // The watcher ignores files that appear during its first scan: rewrite a control file until it reports one.
    const up = nextEventUnder(watcher, control);
    let n = 0;
    const poke = setInterval(() => fs.writeFileSync(path.join(control, 'first.txt'), String(n++)), 200);
    await up.finally(() => clearInterval(poke));
    fs.writeFileSync(path.join(build, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(build, 'app.js'), 'export {}');
    // Written after the build files, twice over: once these events arrive, the build files' would have too.
    for (const name of ['second.txt', 'third.txt']) {
      const arrived = nextEventUnder(watcher, path.join(control, name));
      fs.writeFileSync(path.join(control, name), name);
      await arrived;
    }
    assert.deepEqual(seen.filter((file) => file.startsWith(build)), []);
  } finally {
    await server.close();
    fs.rmSync(build, { recursive: true, force: true });
    fs.rmSync(control, { recursive: true, force: true });
  }
});
