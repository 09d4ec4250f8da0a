// @ts-check
// scripts/ort-first-runs.mjs on a real model file from the models folder, on both runtimes: a session, then each
// run's time; a missing file is a usage error.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultDir } from './model-mirror.mjs';

const script = path.join(import.meta.dirname, 'ort-first-runs.mjs');
const file = path.join(defaultDir(), 'onnxmodelzoo', 'mobilenetv2-12-int8', 'onnx', 'model_quantized.onnx');

for (const runtime of ['web', 'node']) {
  test(`${runtime}: the session's creation, then every run, shaped from the model's own inputs`, { timeout: 120_000, skip: !fs.existsSync(file) && `no ${file}` }, () => {
    const out = execFileSync(process.execPath, [script, file, runtime, '3'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(out, new RegExp(`^${runtime}: session created in \\d+\\.\\d ms$`, 'm'));
    const runs = out.match(new RegExp(`^${runtime}: runs (.*) ms$`, 'm'));
    assert.ok(runs, out);
    const times = runs[1].split(', ').map(Number);
    assert.equal(times.length, 3);
    for (const t of times) assert.ok(t > 0, out);
  });
}

test('names its arguments when the file is missing', () => {
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /usage: node \[V8 flags\] scripts\/ort-first-runs\.mjs <model\.onnx> \[web\|node\] \[runs\]/);
});
