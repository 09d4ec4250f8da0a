import { UnsupportedModelError } from '../protocol/errors';
import { sessionsOf } from '../runtime/session-timer';
import { meta as classification } from '../tasks/text-classification/meta';
import { meta as embeddings } from '../tasks/feature-extraction/meta';

/**
 * The outputs a task's Transformers.js pipeline reads from the model (any one of them will do). A model that has
 * none of them loads, then fails its first pass with the library's own words ("r.logits is not iterable"); this
 * says instead which kind of model it is and what the task needs.
 */
const NEEDS: Record<string, readonly string[]> = {
  [classification.id]: ['logits'],
  'token-classification': ['logits'],
  'zero-shot-classification': ['logits'],
  [embeddings.id]: ['last_hidden_state', 'token_embeddings', 'sentence_embedding', 'embeddings'],
};

/** A clear error when the loaded model cannot give what the task reads, else undefined. */
export function outputMismatch(task: string, pipe: unknown): UnsupportedModelError | undefined {
  const needs = NEEDS[task];
  if (!needs) return undefined;
  const outputs = sessionsOf(pipe).flatMap((session) => ((session as { outputNames?: unknown }).outputNames as string[] | undefined) ?? []);
  if (outputs.length === 0 || outputs.some((name) => needs.includes(name))) return undefined;
  const architectures = ((pipe as { model?: { config?: { architectures?: unknown } } }).model?.config?.architectures as string[] | undefined) ?? [];
  const kind = architectures.length > 0 ? ` (its config says ${architectures.join(', ')})` : '';
  const hint =
    task === embeddings.id && outputs.includes('logits')
      ? `It gives class scores, not embeddings: open it under ${classification.label}, or choose an embedding model here.`
      : task !== embeddings.id && outputs.some((name) => NEEDS[embeddings.id].includes(name))
        ? `It gives embeddings, not class scores: open it under ${embeddings.label}, or choose a classifier here.`
        : 'Choose a model made for this task.';
  return new UnsupportedModelError(`This model's outputs are ${outputs.join(', ')}${kind}; this task reads ${needs.join(' or ')}.`, hint);
}
