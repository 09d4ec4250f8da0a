import type { TaskMeta } from '../types';

export const meta: TaskMeta = {
  id: 'chat',
  pipeline: 'text-generation',
  label: 'Chat',
  group: 'Text',
  summary: 'A multi-turn conversation in the model’s own chat template, streamed, with the context kept between turns.',
  models: [
    { id: 'HuggingFaceTB/SmolLM2-135M-Instruct', note: 'Small instruction-tuned Llama-style model', sizeMB: 138 },
    { id: 'HuggingFaceTB/SmolLM2-360M-Instruct', note: 'Larger SmolLM2, noticeably better answers', sizeMB: 368 },
    { id: 'onnx-community/Qwen2.5-0.5B-Instruct', note: 'Qwen 2.5 0.5B instruct, multilingual', sizeMB: 483 },
    { id: 'karpathy/tinyllamas-stories260K', note: 'Tiny story model with a minimal template (local mirror)', sizeMB: 1.2 },
  ],
  params: [
    { key: 'max_new_tokens', label: 'Max new tokens', kind: 'range', min: 1, max: 2048, step: 1, default: 256 },
    { key: 'repetition_penalty', label: 'Repetition penalty', kind: 'range', min: 1, max: 2, step: 0.05, default: 1.1 },
    { key: 'do_sample', label: 'Sampling (off = greedy)', kind: 'toggle', default: true },
    { key: 'temperature', label: 'Temperature', kind: 'range', min: 0.05, max: 2, step: 0.05, default: 0.7, activeWhen: 'do_sample' },
    { key: 'top_k', label: 'Top-k', kind: 'range', min: 0, max: 200, step: 1, default: 50, help: '0 = off', activeWhen: 'do_sample' },
    { key: 'top_p', label: 'Top-p', kind: 'range', min: 0.05, max: 1, step: 0.05, default: 0.9, activeWhen: 'do_sample' },
    { key: 'seed', label: 'Seed', kind: 'range', min: 0, max: 9999, step: 1, default: 0, help: '0 = random each time', activeWhen: 'do_sample' },
  ],
};
