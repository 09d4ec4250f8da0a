// @ts-check
/**
 * What the project's random-weight fixture writers share (make-caption-fixture.mjs, make-smolvlm-fixture.mjs,
 * make-florence-fixture.mjs, make-vision-text-fixtures.mjs): the ONNX model wrapper, deterministic random
 * weights, a repo folder in the Hub's layout, and the command-line entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { model as writeModel, toBytes } from './onnx-proto.mjs';

/** A function that serialises a graph with opset 14, naming `producer` as its maker. @param {string} producer */
export function onnxWriter(producer) {
  /** @param {Parameters<typeof writeModel>[0]} g */
  return (g) => toBytes(writeModel({ ...g, opsets: { '': 14 }, producer: `model-playground ${producer}` }));
}

/** `n` uniform values in [-scale, scale) from a seeded generator. @param {() => number} next @param {number} n @param {number} scale */
export const randn = (next, n, scale) => Float32Array.from({ length: n }, () => (next() * 2 - 1) * scale);

/**
 * Writes a model folder: JSON files at its top, ONNX files under onnx/. Returns the folder.
 * @param {string} dir @param {Record<string, unknown>} json @param {Record<string, Uint8Array>} onnx
 */
export function writeRepo(dir, json, onnx) {
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  for (const [file, body] of Object.entries(json)) writeFileSync(path.join(dir, file), `${JSON.stringify(body, null, 1)}\n`);
  for (const [file, bytes] of Object.entries(onnx)) writeFileSync(path.join(dir, 'onnx', file), bytes);
  return dir;
}

/** The generated fixtures' default folder (git-ignored). */
export const FIXTURES_DIR = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'e2e', 'fixtures', 'models');

/**
 * When the module at `moduleUrl` is the script being run: writes its fixture into argv[2] (default FIXTURES_DIR)
 * and prints where. @param {string} moduleUrl @param {(outDir: string) => string | string[]} write
 */
export function runAsScript(moduleUrl, write) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  console.log([write(process.argv[2] ?? FIXTURES_DIR)].flat().join('\n'));
}
