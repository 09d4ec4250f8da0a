// @ts-check
/**
 * The bench's servers, started in this process (no `npx`, no child servers) and closed by it: the production
 * build and the bare page, each served with the app's headers (COOP/COEP and the CSP, as `vite preview` sends),
 * and the model mirror. `assertNothingLeft` is the bench's own exit check.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startStaticServer } from '../static-server.mjs';
import { startMirror } from '../model-mirror.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * Builds the app (dist/) and the bare page (dist-bench/) with the local Vite, in the foreground; with `onlyMissing`,
 * only the one(s) not built yet (the bench's test after the browser tests, which built dist/).
 */
export function build({ onlyMissing = false } = {}) {
  const run = (/** @type {string[]} */ args) => execFileSync(process.execPath, [VITE, 'build', ...args], { cwd: ROOT, stdio: 'ignore' });
  const missing = (/** @type {string} */ dir) => !onlyMissing || !fs.existsSync(path.join(ROOT, dir, 'index.html'));
  if (missing('dist')) run([]);
  if (missing('dist-bench')) run(['--config', 'bench/vite.config.ts']);
}

/**
 * @param {{ appPort: number, mirrorPort: number, modelsDir: string, extraDirs: string[] }} options
 */
export async function startServers({ appPort, mirrorPort, modelsDir, extraDirs }) {
  const app = await startStaticServer({ dir: path.join(ROOT, 'dist'), port: appPort, isolation: true });
  const bare = await startStaticServer({ dir: path.join(ROOT, 'dist-bench'), port: 0, isolation: true });
  const mirror = await startMirror({ dir: modelsDir, extraDirs, port: mirrorPort, host: '127.0.0.1' }).catch(async (error) => {
    await Promise.all([app.close(), bare.close()]);
    throw error;
  });
  return {
    appUrl: app.url,
    bareUrl: bare.url,
    mirrorUrl: mirror.url,
    ports: [app.url, bare.url, mirror.url].map((url) => Number(new URL(url).port)),
    close: () => Promise.all([app.close(), bare.close(), mirror.close()]),
  };
}

/** @param {number} port @returns {Promise<boolean>} whether something accepts connections on it */
export function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** The ids of this process's live children (Linux /proc; elsewhere none are found). */
export function childPids(pid = process.pid) {
  const dir = `/proc/${pid}/task`;
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((task) => fs.readFileSync(`${dir}/${task}/children`, 'utf8').trim().split(/\s+/))
    .filter(Boolean)
    .map(Number);
}

/** Throws when a port the bench used still answers or a child it started is still alive. */
export async function assertNothingLeft(/** @type {number[]} */ ports) {
  const open = [];
  for (const port of ports) if (await listening(port)) open.push(port);
  const children = childPids();
  if (open.length || children.length) {
    throw new Error(`bench left things running: ports ${open.join(', ') || 'none'}, child pids ${children.join(', ') || 'none'}`);
  }
}
