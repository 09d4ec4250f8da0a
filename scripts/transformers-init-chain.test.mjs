// @ts-check
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fixInitChain } from './transformers-init-chain.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('the installed Transformers.js still has the session chain that one failure poisons, and the fix rewrites it', () => {
  const pkg = path.join(REPO_ROOT, 'node_modules', '@huggingface', 'transformers');
  const code = fs.readFileSync(path.join(pkg, 'dist', 'transformers.web.js'), 'utf8');
  const fixed = fixInitChain(code);
  assert.ok(fixed.includes('webInitChain = webInitChain.catch(() => undefined).then(load)'));
  assert.throws(() => fixInitChain('nothing to see'), /not found/);
});

test('with the fix, a session created after a failed one is created', async () => {
  const run = (/** @type {string} */ source) =>
    new Function(`let webInitChain = Promise.resolve(); return async (load) => await (${source});`)();
  const broken = run('webInitChain = webInitChain.then(load)');
  const fixed = run(fixInitChain('webInitChain = webInitChain.then(load)'));
  const fail = async () => Promise.reject(new Error('protobuf parsing failed'));
  const ok = async () => 'session';
  await assert.rejects(broken(fail));
  await assert.rejects(broken(ok), /protobuf/);
  await assert.rejects(fixed(fail));
  assert.equal(await fixed(ok), 'session');
});
