import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'onnx-lab',
  label: 'ONNX lab',
  group: 'Tools',
  summary: 'Drop any .onnx model to see its inputs, outputs and metadata, feed it an image, JSON or random values, and run it on WASM or WebGPU.',
  // The lab's model is a file or URL chosen in its input; this id only names the session in the worker.
  models: [{ id: 'local/onnx-file', note: 'Your own .onnx file or URL' }],
  ownLoader: true,
  params: [],
};
