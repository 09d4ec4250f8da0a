import { beforeEach, describe, expect, it } from 'vitest';
import { findTask } from '../tasks/registry';
import { useApp } from './index';
import { ensureHostDefault, setHostProbe, watchHostDefaults } from './host-defaults';
import { HUB_HOST } from './settings-slice';

const MIRROR = 'http://127.0.0.1:8089/';
const initial = useApp.getState();
const state = () => useApp.getState();
const HOST_MODELS: Record<string, string> = { 'tiny-random/bert-fill-mask': 'fill-mask', 'onnxmodelzoo/mobilenetv2-12-int8': 'image-classification' };

beforeEach(() => {
  useApp.setState(initial, true);
  setHostProbe(() => ({
    has: async (id) => id in HOST_MODELS,
    search: async (tag) => Object.keys(HOST_MODELS).filter((id) => HOST_MODELS[id] === tag),
  }));
});

describe('host defaults in the store', () => {
  it('on the Hub every task keeps its curated default, with no request', async () => {
    setHostProbe(() => {
      throw new Error('the Hub is not asked');
    });
    const stop = watchHostDefaults();
    useApp.setState({ task: 'fill-mask' });
    await ensureHostDefault('fill-mask');
    expect(state().modelByTask['fill-mask']).toBe(findTask('fill-mask')!.meta.models[0].id);
    stop();
  });

  it('on a mirror an untouched task follows the host, and goes back to the curated one on the Hub', async () => {
    const stop = watchHostDefaults();
    useApp.setState({ host: MIRROR, task: 'fill-mask' });
    expect(state().modelByTask['fill-mask']).toBe('');
    await ensureHostDefault('fill-mask');
    expect(state().modelByTask['fill-mask']).toBe('tiny-random/bert-fill-mask');
    useApp.setState({ task: 'question-answering' });
    await ensureHostDefault('question-answering');
    expect(state().modelByTask['question-answering']).toBe('');
    expect(state().hostDefaults[`${MIRROR}|main|question-answering`]).toEqual({ status: 'none' });
    useApp.setState({ host: HUB_HOST });
    expect(state().modelByTask['fill-mask']).toBe(findTask('fill-mask')!.meta.models[0].id);
    stop();
  });

  it('never replaces a model the user chose, even when the answer comes later', async () => {
    const stop = watchHostDefaults();
    useApp.setState({ host: MIRROR, task: 'image-classification' });
    const pending = ensureHostDefault('image-classification');
    state().setModel('my/own-model');
    await pending;
    expect(state().modelByTask['image-classification']).toBe('my/own-model');
    expect(state().pickedByTask['image-classification']).toBe(true);
    stop();
  });
});
