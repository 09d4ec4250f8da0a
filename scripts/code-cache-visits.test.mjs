// @ts-check
// scripts/code-cache-visits.mjs on a real model (the sentiment case, from the mirror's folder): two visits in one
// profile, each with its load and every run's session.run; an unknown case is a usage error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultDir } from './model-mirror.mjs';

const script = path.join(import.meta.dirname, 'code-cache-visits.mjs');
const MODELS = defaultDir();

test('two visits of the bare page: a load and each run\'s session.run per visit; CPU=1: the threads that worked meanwhile', { timeout: 300_000, skip: !fs.existsSync(MODELS) && `no models folder at ${MODELS}` }, () => {
  const out = execFileSync(process.execPath, [script, 'sentiment', '3'], { encoding: 'utf8', env: { ...process.env, MODELS_DIR: MODELS, COL: 'bare', CPU: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Each visit has its CPU table; its rows (threads over 1 % of a few runs' wall time, so maybe none) name a
  // Chromium process type and thread, with a share and context switches.
  const tables = out.split('\n').filter((line) => line.startsWith('  CPU over '));
  assert.equal(tables.length, 2, out);
  for (const row of out.split('\n').filter((line) => line.startsWith('    '))) assert.match(row, /^ {4}(browser|renderer|gpu-process|utility|zygote)\b.* +\d+\.\d %  \d+ \/ \d+$/);
  const visits = out.trim().split('\n').filter((line) => line.startsWith('bare visit'));
  assert.equal(visits.length, 2, out);
  visits.forEach((line, i) => {
    const match = line.match(/^bare visit (\d): load (\d+) ms \(pipeline \d+, warmup \d+\); session\.run median ([\d.]+) ms; each: ([\d ]+)$/);
    assert.ok(match, line);
    assert.equal(Number(match[1]), i + 1);
    assert.ok(Number(match[2]) > 0 && Number(match[3]) > 0, line);
    assert.equal(match[4].trim().split(' ').length, 3, line);
  });
});

test('an unknown or non-pipeline case is a usage error', () => {
  assert.throws(
    () => execFileSync(process.execPath, [script, 'no-such-case'], { encoding: 'utf8', env: { ...process.env, MODELS_DIR: MODELS }, stdio: 'pipe' }),
    /usage: node scripts\/code-cache-visits.mjs/,
  );
});
