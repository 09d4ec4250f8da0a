import type { TaskMeta } from '../types';
import { maxNewTokensParam, repetitionPenaltyParam, samplingParams } from '../shared/generation-params';

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
    {
      id: 'FreedomIntelligence/openPangu-Embedded-1B-V1.1',
      note: 'Huawei’s openPangu-Embedded 1B, fast/slow thinking. Not ONNX on the Hub: convert it once (README: Run openPangu in your browser), then Local folder or a mirror',
    },
    { id: 'tiny-random/openpangu-embedded', note: 'Random-weight openPangu-Embedded made by the exporter (local mirror): wiring, not answers', sizeMB: 0.6 },
  ],
  params: [
    maxNewTokensParam(256, 2048),
    repetitionPenaltyParam(1.1),
    ...samplingParams({ doSample: true, topP: 0.9 }),
    { key: 'seed', label: 'Seed', kind: 'range', min: 0, max: 9999, step: 1, default: 0, help: '0 = random each time', activeWhen: 'do_sample' },
  ],
};
