import type { TaskMeta } from '../types';
import { maxNewTokensParam, minNewTokensParam, repetitionPenaltyParam, samplingParams } from '../shared/generation-params';

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
    maxNewTokensParam(64, 1024),
    minNewTokensParam(1024),
    repetitionPenaltyParam(),
    ...samplingParams({ doSample: false, topP: 0.95 }),
  ],
};
