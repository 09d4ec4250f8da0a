import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { singleNodeModel } from '../../runtime/tiny-onnx';
import { LabEngine } from './lab-engine';
import type { LabRequest } from './lab-types';
import { heatGrid, heatMap, looksLikeScores, topK } from './tensor-stats';
import { paintHeat } from './heat-paint';

ort.env.wasm.numThreads = 1;
const engine = () =>
  new LabEngine(
    {
      create: (bytes) => ort.InferenceSession.create(bytes),
      tensor: (type, data, dims) => new ort.Tensor(type as 'float32', data as Float32Array, dims),
    },
    { webgpu: { available: false, fallbackAdapter: false, shaderF16: false, reason: 'not in Node' } },
  );

const relu = singleNodeModel({
  op: 'Relu',
  inputs: [{ name: 'x', dims: ['batch', 4] }],
  outputs: [{ name: 'y', dims: ['batch', 4] }],
});
const model = (bytes: Uint8Array, name = 'relu.onnx'): LabRequest['model'] => ({ key: `${name}:${bytes.length}`, name, bytes: new Blob([bytes as BlobPart]) });

describe('LabEngine', () => {
  it('runs given values and summarises the output', async () => {
    const out = await engine().run({ action: 'run', device: 'wasm', model: model(relu), feeds: [{ name: 'x', dims: [1, 4], source: 'values', values: [-1, 2, -3, 4] }] });
    expect(out.outputs).toHaveLength(1);
    const [y] = out.outputs!;
    expect(y).toMatchObject({ name: 'y', type: 'float32', dims: [1, 4], min: 0, max: 4, mean: 1.5, first: [0, 2, 0, 4] });
    expect(y.topk?.[0]).toMatchObject({ index: 3, value: 4 });
    expect(out.sessionMs).toBeGreaterThanOrEqual(0);
  });

  it('names the input, expected and given shape when the shape is wrong, then still runs', async () => {
    const lab = engine();
    await expect(lab.run({ action: 'run', device: 'wasm', model: model(relu), feeds: [{ name: 'x', dims: [1, 5], source: 'random' }] })).rejects.toThrow(
      'Input "x" expects shape [batch, 4] but was given [1, 5]: dimension 1 must be 4, not 5.',
    );
    await expect(lab.run({ action: 'run', device: 'wasm', model: model(relu), feeds: [{ name: 'x', dims: [2, 4], source: 'random' }] })).resolves.toMatchObject({
      outputs: [{ dims: [2, 4] }],
    });
  });

  it('reports an unsupported operator by name', async () => {
    const bad = singleNodeModel({ op: 'NoSuchOperator', inputs: [{ name: 'x', dims: [2] }], outputs: [{ name: 'y', dims: [2] }] });
    await expect(engine().run({ action: 'run', device: 'wasm', model: model(bad, 'bad.onnx'), feeds: [{ name: 'x', dims: [2], source: 'random' }] })).rejects.toThrow(
      /Unsupported operator NoSuchOperator \(opset 13\)/,
    );
  });

  it('says where a truncated model ends', async () => {
    const cut = relu.subarray(0, relu.length - 7);
    await expect(engine().run({ action: 'run', device: 'wasm', model: model(cut, 'cut.onnx'), feeds: [] })).rejects.toThrow(
      new RegExp(`"cut.onnx" is not a valid ONNX model: the file is truncated at byte ${cut.length}`),
    );
  });

  it('checks each execution provider', async () => {
    const out = await engine().checkProviders(model(relu));
    expect(out.providers).toEqual([
      expect.objectContaining({ device: 'wasm', ok: true }),
      expect.objectContaining({ device: 'webgpu', ok: false, message: expect.stringContaining('not in Node') }),
    ]);
  });
});

describe('tensor summaries', () => {
  it('detects class scores and ranks them with softmax probabilities', () => {
    expect(looksLikeScores('float32', [1, 1000])).toBe(true);
    expect(looksLikeScores('float32', [1, 3, 224, 224])).toBe(false);
    const top = topK([0, 2, 1], 2);
    expect(top.map((t) => t.index)).toEqual([1, 2]);
    expect(top[0].probability).toBeCloseTo(Math.exp(2) / (1 + Math.exp(1) + Math.exp(2)));
  });

  it('draws the last two axes, block-averaged', () => {
    const heat = heatMap([1, 1, 2, 4], [1, 1, 3, 3, 5, 5, 7, 7]);
    expect(heat).toMatchObject({ rows: 2, cols: 4, min: 1, max: 7, slice: '[0, 0, :, :]' });
    const big = heatGrid([512, 2], new Array(1024).fill(0).map((_, i) => Math.floor(i / 2)));
    expect(big).toMatchObject({ rows: 256, cols: 2, fullRows: 512 });
    expect(big!.data[0]).toBeCloseTo(0.5);
    // The page gets the painted map only, not the values as well.
    expect(heat).not.toHaveProperty('data');
  });

  it('paints the map in the worker: RGBA on the ramp, lowest value dark purple, highest yellow', () => {
    const heat = heatMap([1, 1, 2, 4], [1, 1, 3, 3, 5, 5, 7, 7])!;
    expect(heat.pixels).toBeInstanceOf(Uint8ClampedArray);
    expect(heat.pixels!.length).toBe(2 * 4 * 4);
    const pixel = (i: number) => Array.from(heat.pixels!.slice(i * 4, i * 4 + 4));
    expect(pixel(0)).toEqual([68, 1, 84, 255]);
    expect(pixel(7)).toEqual([253, 231, 37, 255]);
    // Halfway (4 of 1…7) is the middle stop, teal.
    expect(Array.from(paintHeat({ data: new Float32Array([4]), min: 1, max: 7 }))).toEqual([33, 145, 140, 255]);
  });
});
