// @ts-check
// The README's install command must work on a fresh machine as written: no environment variable to set,
// nothing fetched from outside the npm registry (onnxruntime-node's postinstall would reach for a NuGet feed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INSTALL_FILES = ['package.json', 'package-lock.json', '.npmrc'];

/** The bare minimum a login shell has: no npm_config_*, no ONNXRUNTIME_NODE_INSTALL, no CI flags. */
function cleanEnv() {
  /** @type {Record<string, string>} */
  const env = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key]) env[key] = process.env[key] ?? '';
  return env;
}

test('npm ci in a clean copy succeeds with no environment variables set, and onnxruntime-node loads', { timeout: 300_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-install-'));
  try {
    for (const file of INSTALL_FILES) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    assert.equal(install.status, 0, `npm ci failed:\n${install.stdout}\n${install.stderr}`);
    assert.doesNotMatch(install.stderr, /nuget|ENOTFOUND/i);
    const load = spawnSync('node', ['-e', "const o=require('onnxruntime-node');process.stdout.write(typeof o.InferenceSession.create)"], {
      cwd: dir,
      env: cleanEnv(),
      encoding: 'utf8',
    });
    assert.equal(load.stdout, 'function', load.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
