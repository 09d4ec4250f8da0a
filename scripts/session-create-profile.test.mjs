// @ts-check
// scripts/session-create-profile.mjs on a real decoder (stories260K from the mirror's folder): both runtimes report,
// every optimisation level is timed, and the runs use feeds built from the model's own inputs (past KV included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDir } from './model-mirror.mjs';

const FILE = path.join(defaultDir(), 'karpathy/tinyllamas-stories260K/onnx/model.onnx');

test('reports read, creation at each level and runs, for onnxruntime-web and -node', () => {
  assert.ok(fs.existsSync(FILE), `${FILE} missing: set MODELS_DIR to the models folder`);
  const script = path.join(import.meta.dirname, 'session-create-profile.mjs');
  const lines = execFileSync(process.execPath, [script, FILE, '1', '2'], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.runtime), ['onnxruntime-web (WASM)', 'onnxruntime-node']);
  for (const line of lines) {
    assert.deepEqual(Object.keys(line.createMs), ['all', 'extended', 'basic', 'disabled']);
    assert.ok(Object.values(line.createMs).every((ms) => typeof ms === 'number' && ms >= 0));
    assert.equal(line.runMs.length, 2);
  }
});

test('says how to use it when given no model', () => {
  const script = path.join(import.meta.dirname, 'session-create-profile.mjs');
  assert.throws(() => execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: 'pipe' }), /usage: node scripts\/session-create-profile.mjs/);
});
