import { describe, expect, it } from 'vitest';
import { outputMismatch } from './output-fit';

const pipeWith = (outputNames: string[], architectures?: string[]) => ({
  model: { config: { architectures }, sessions: { model: { inputNames: ['input_ids'], outputNames, run: async () => ({}) } } },
});

describe('outputMismatch', () => {
  it('names a sequence classifier loaded for embeddings, and where it belongs', () => {
    const error = outputMismatch('feature-extraction', pipeWith(['logits'], ['BertForSequenceClassification']));
    expect(error?.name).toBe('UnsupportedModelError');
    expect(error?.message).toBe(
      "This model's outputs are logits (its config says BertForSequenceClassification); this task reads last_hidden_state or token_embeddings or sentence_embedding or embeddings.",
    );
    expect(error?.hint).toMatch(/class scores, not embeddings: open it under Sentiment & text classification/);
  });

  it('names an encoder loaded for classification', () => {
    const error = outputMismatch('text-classification', pipeWith(['last_hidden_state'], ['BertModel']));
    expect(error?.message).toMatch(/outputs are last_hidden_state \(its config says BertModel\); this task reads logits/);
    expect(error?.hint).toMatch(/embeddings, not class scores: open it under Sentence similarity/);
  });

  it('says nothing when the model has what the task reads, when it is not known, or for other tasks', () => {
    expect(outputMismatch('text-classification', pipeWith(['logits']))).toBeUndefined();
    expect(outputMismatch('feature-extraction', pipeWith(['last_hidden_state', 'pooler_output']))).toBeUndefined();
    expect(outputMismatch('feature-extraction', { model: {} })).toBeUndefined();
    expect(outputMismatch('image-classification', pipeWith(['pixel_values_out']))).toBeUndefined();
  });
});
