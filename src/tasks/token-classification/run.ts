import type { TaskRunner } from '../types';
import type { Input, Output } from './types';
import { requireText } from '../shared/worker-input';
import { entityTypes, toEntities, type TokenPrediction } from './entities';
import { requireWithinContext } from '../shared/context-limit';

type Tagger = ((text: string) => Promise<TokenPrediction[]>) & { model?: { config?: { id2label?: Record<string, string> } } };

const runner: TaskRunner<Input, Output, never, Tagger> = {
  async warmup(pipe) {
    await pipe('Warm up in Paris.');
  },
  async run({ pipe, input }) {
    const text = requireText(input);
    requireWithinContext(pipe, text);
    const tagger = pipe;
    const tokens = await tagger(text);
    const entities = toEntities(text, tokens);
    const types = entityTypes(tagger.model?.config?.id2label);
    const output: Output = { text, entities, types: types.length ? types : [...new Set(entities.map((e) => e.type))] };
    return { output };
  },
};
export default runner;
