import type { TaskRunner } from '../types';
import { requireText } from '../shared/worker-input';
import { entityTypes, toEntities, type Entity, type TokenPrediction } from './entities';
import { requireWithinContext } from '../shared/context-limit';

export interface NerOutput {
  text: string;
  entities: Entity[];
  /** Every entity type the model can predict (from its id2label), for the legend. */
  types: string[];
}

type Tagger = ((text: string) => Promise<TokenPrediction[]>) & { model?: { config?: { id2label?: Record<string, string> } } };

const runner: TaskRunner = {
  async warmup(pipe) {
    await (pipe as Tagger)('Warm up in Paris.');
  },
  async run({ pipe, input }) {
    const text = requireText(input);
    requireWithinContext(pipe, text);
    const tagger = pipe as Tagger;
    const tokens = await tagger(text);
    const entities = toEntities(text, tokens);
    const types = entityTypes(tagger.model?.config?.id2label);
    const output: NerOutput = { text, entities, types: types.length ? types : [...new Set(entities.map((e) => e.type))] };
    return { output };
  },
};
export default runner;
