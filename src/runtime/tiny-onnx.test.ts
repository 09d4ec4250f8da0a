import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { identityModel } from './tiny-onnx';

describe('identityModel', () => {
  it('is a valid ONNX model that onnxruntime runs: y = x', async () => {
    const session = await ort.InferenceSession.create(identityModel());
    expect(session.inputNames).toEqual(['x']);
    expect(session.outputNames).toEqual(['y']);
    const { y } = await session.run({ x: new ort.Tensor('float32', new Float32Array([3.5]), [1]) });
    expect(Array.from(y.data as Float32Array)).toEqual([3.5]);
    await session.release();
  });
});
