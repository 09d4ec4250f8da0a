import { describe, expect, it } from 'vitest';
import { modelFieldProblem } from './model-field';

describe('modelFieldProblem', () => {
  it('flags ids the Hub cannot have, so they are never asked for', () => {
    for (const id of ['not a valid id!!', 'a/b/c/d', '../x']) expect(modelFieldProblem(id)).toMatch(/is not a valid model id/);
  });
  it('accepts a Hub id and an open local folder', () => {
    expect(modelFieldProblem('Xenova/yolos-tiny')).toBeUndefined();
    expect(modelFieldProblem('local:my-model', () => true)).toBeUndefined();
  });
  it('flags a local folder whose files are gone', () => {
    expect(modelFieldProblem('local:my-model', () => false)).toMatch(/“my-model” are not open any more/);
  });
});
