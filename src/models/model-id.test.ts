import { describe, expect, it } from 'vitest';
import { modelIdProblem } from './model-id';

describe('modelIdProblem', () => {
  it('accepts Hub ids', () => {
    for (const id of ['Xenova/yolos-tiny', 'gpt2', 'onnx-community/Qwen2.5-0.5B-Instruct', 'karpathy/tinyllamas-stories260K']) {
      expect(modelIdProblem(id)).toBeUndefined();
    }
  });
  it('rejects empty and illegal ids', () => {
    expect(modelIdProblem('  ')).toMatch(/Enter a model id/);
    for (const id of ['a/b/c', 'bad id', '../etc/passwd', 'x--y/z', '<script>/x']) {
      expect(modelIdProblem(id)).toMatch(/not a valid model id/);
    }
  });
});
