import { describe, expect, it } from 'vitest';
import { folderFromPaths, folderProblems } from './local-folders';
import { parseLocalUrl, sanitizeFolderName, localModelId, LOCAL_HOST } from './local-ref';

const file = (size = 1) => new File([new Uint8Array(size)], 'x');

describe('local model folders', () => {
  it('strips the picked folder name so paths start at config.json', () => {
    const folder = folderFromPaths([
      { path: 'My Model/config.json', file: file(10) },
      { path: 'My Model/onnx/model.onnx', file: file(90) },
      { path: 'My Model/.git/HEAD', file: file() },
    ]);
    expect(folder?.name).toBe('My-Model');
    expect(folder?.files.map((f) => f.path)).toEqual(['config.json', 'onnx/model.onnx']);
    expect(folder?.bytes).toBe(100);
  });
  it('names the files a text pipeline is missing', () => {
    const folder = folderFromPaths([
      { path: 'm/config.json', file: file() },
      { path: 'm/onnx/model_quantized.onnx', file: file() },
      { path: 'm/tokenizer_config.json', file: file() },
    ])!;
    expect(folderProblems(folder, 'text-classification')).toEqual(['tokenizer.json is missing: text-classification needs it.']);
    expect(folderProblems(folder, 'image-classification')[0]).toContain('preprocessor_config.json');
  });
  it('asks a captioning or CLIP folder for its tokenizer and its image processor, as the model check does', () => {
    const folder = folderFromPaths([
      { path: 'm/config.json', file: file() },
      { path: 'm/onnx/model.onnx', file: file() },
      { path: 'm/tokenizer.json', file: file() },
      { path: 'm/tokenizer_config.json', file: file() },
    ])!;
    expect(folderProblems(folder, 'image-to-text')).toEqual(['preprocessor_config.json is missing: image-to-text needs it.']);
    expect(folderProblems(folder, 'zero-shot-image-classification')).toHaveLength(1);
  });
  it('flags a folder that is not a model folder', () => {
    const folder = folderFromPaths([{ path: 'stuff/readme.txt', file: file() }])!;
    const problems = folderProblems(folder, 'text-classification');
    expect(problems[0]).toContain('config.json is missing');
    expect(problems[1]).toContain('onnx/');
  });
  it('makes folder names valid repo names and parses local URLs', () => {
    expect(sanitizeFolderName('..weird  name!!--x..')).toBe('weird-name-x');
    expect(sanitizeFolderName('***')).toBe('folder');
    const url = `${LOCAL_HOST}${localModelId('my-model')}/resolve/main/onnx/model.onnx`;
    expect(parseLocalUrl(url)).toEqual({ name: 'my-model', path: 'onnx/model.onnx' });
    expect(parseLocalUrl('https://huggingface.co/a/b/resolve/main/x')).toBeUndefined();
  });
});
