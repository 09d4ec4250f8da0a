import { describe, expect, it } from 'vitest';
import { idleLoad, type LoadState } from '../../../store/models-slice';
import { planKey } from '../../../session/spec';
import type { LoadSpec } from '../../../protocol/messages';
import { isModelError, loadErrorAboutModel, modelBarError } from './model-error';

const spec: LoadSpec = { task: 'text-classification', pipeline: 'text-classification', model: 'nobody/missing', host: 'http://mirror/', revision: 'main', device: 'auto', dtype: 'auto' };
const key = planKey(spec);
const notFound = { name: 'ModelNotFoundError', message: 'The host has no model "nobody/missing".' };
const network = { name: 'NetworkError', message: 'The model host could not be reached.' };
const failed = (error: typeof notFound): LoadState => ({ ...idleLoad, status: 'error', spec, error });

describe('one place for each model error', () => {
  it('knows which errors are about the model rather than the loading', () => {
    expect(isModelError(notFound)).toBe(true);
    expect(isModelError({ name: 'UnsupportedModelError', message: '' })).toBe(true);
    expect(isModelError(network)).toBe(false);
    expect(isModelError(undefined)).toBe(false);
  });

  it('gives the model bar a failed load of the chosen model about the model, or one its check found too', () => {
    expect(loadErrorAboutModel(failed(notFound), undefined, key)).toBe(notFound);
    expect(loadErrorAboutModel(failed(network), undefined, key)).toBeUndefined();
    const checkFailed = { key, status: 'error' as const, error: { ...network } };
    expect(loadErrorAboutModel(failed(network), checkFailed, key)).toBe(network);
    expect(loadErrorAboutModel(failed(network), { ...checkFailed, key: 'another' }, key)).toBeUndefined();
    expect(loadErrorAboutModel(failed(notFound), undefined, planKey({ ...spec, model: 'someone/else' }))).toBeUndefined();
    expect(loadErrorAboutModel(idleLoad, undefined, key)).toBeUndefined();
  });

  it('shows the load’s error instead of the check’s when both found the same problem', () => {
    const plan = { key, status: 'error' as const, error: { ...notFound } };
    expect(modelBarError(plan, notFound, key)).toEqual({ error: notFound, fromLoad: true });
    expect(modelBarError(plan, undefined, key)).toEqual({ error: plan.error, fromLoad: false });
    expect(modelBarError({ ...plan, key: 'another' }, undefined, key)).toBeUndefined();
    expect(modelBarError({ key, status: 'ready' }, undefined, key)).toBeUndefined();
  });
});
