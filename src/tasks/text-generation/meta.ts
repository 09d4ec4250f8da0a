import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'text-generation',
  label: 'Text generation',
  group: 'Text',
  summary: 'Continues a prompt token by token, streamed as it is generated.',
  models: [
    { id: 'HuggingFaceTB/SmolLM2-135M-Instruct', note: 'Small instruction-tuned Llama-style model', sizeMB: 138 },
    { id: 'onnx-community/Qwen2.5-0.5B-Instruct', note: 'Qwen 2.5 0.5B instruct, multilingual', sizeMB: 483 },
    { id: 'Xenova/distilgpt2', note: 'Classic small GPT-2 for plain completion', sizeMB: 83 },
    { id: 'karpathy/tinyllamas-stories260K', note: '260K-parameter Llama trained on TinyStories (mirror only)', sizeMB: 1.2 },
  ],
  params: [
    { key: 'max_new_tokens', label: 'Max new tokens', kind: 'range', min: 1, max: 1024, step: 1, default: 64 },
    { key: 'min_new_tokens', label: 'Min new tokens', kind: 'range', min: 0, max: 1024, step: 1, default: 0, help: 'Suppresses the end-of-text token until this many tokens exist' },
    { key: 'repetition_penalty', label: 'Repetition penalty', kind: 'range', min: 1, max: 2, step: 0.05, default: 1 },
    { key: 'do_sample', label: 'Sampling (off = greedy)', kind: 'toggle', default: false },
    { key: 'temperature', label: 'Temperature', kind: 'range', min: 0.05, max: 2, step: 0.05, default: 0.7, activeWhen: 'do_sample' },
    { key: 'top_k', label: 'Top-k', kind: 'range', min: 0, max: 200, step: 1, default: 50, help: '0 = off', activeWhen: 'do_sample' },
    { key: 'top_p', label: 'Top-p', kind: 'range', min: 0.05, max: 1, step: 0.05, default: 0.95, activeWhen: 'do_sample' },
  ],
};
