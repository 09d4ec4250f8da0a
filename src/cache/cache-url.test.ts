import { describe, expect, it } from 'vitest';
import { cachePrefix, parseCacheUrl } from './cache-url';
import { groupEntries } from './model-cache';

describe('cache URLs', () => {
  it('splits a Hub URL into host, model, revision and file', () => {
    expect(parseCacheUrl('https://huggingface.co/Xenova/yolos-tiny/resolve/main/onnx/model_quantized.onnx')).toEqual({
      host: 'https://huggingface.co/',
      model: 'Xenova/yolos-tiny',
      revision: 'main',
      file: 'onnx/model_quantized.onnx',
      prefix: 'https://huggingface.co/Xenova/yolos-tiny/resolve/main/',
    });
  });
  it('keeps a mirror path prefix in the host and decodes the revision', () => {
    const parts = parseCacheUrl('http://127.0.0.1:8089/hub/org/name/resolve/v1%2Fbeta/config.json');
    expect(parts?.host).toBe('http://127.0.0.1:8089/hub/');
    expect(parts?.model).toBe('org/name');
    expect(parts?.revision).toBe('v1/beta');
    expect(parts?.prefix).toBe(cachePrefix('http://127.0.0.1:8089/hub/', 'org/name', 'v1/beta'));
  });
  it('ignores keys that are not model files', () => {
    expect(parseCacheUrl('https://cdn.example/ort-wasm.wasm')).toBeUndefined();
    expect(parseCacheUrl('https://huggingface.co/org/name/resolve/main/')).toBeUndefined();
  });
  it('groups entries per model version with sizes and last use', () => {
    const a = 'https://huggingface.co/a/one/resolve/main/';
    const groups = groupEntries(
      [
        { url: `${a}config.json`, file: '', bytes: 100 },
        { url: `${a}onnx/model.onnx`, file: '', bytes: 5000 },
        { url: 'https://huggingface.co/b/two/resolve/main/config.json', file: '', bytes: 50 },
        { url: 'https://huggingface.co/a/one/resolve/v2/config.json', file: '', bytes: 10 },
      ],
      { [a]: 1234 },
    );
    expect(groups.map((g) => [g.model, g.revision, g.bytes])).toEqual([
      ['a/one', 'main', 5100],
      ['b/two', 'main', 50],
      ['a/one', 'v2', 10],
    ]);
    expect(groups[0].files.map((f) => f.file)).toEqual(['config.json', 'onnx/model.onnx']);
    expect(groups[0].lastUsed).toBe(1234);
  });
});
