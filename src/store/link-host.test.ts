import { beforeEach, describe, expect, it, vi } from 'vitest';

// The persist middleware needs a storage to show what is saved (Node has none).
const memory = vi.hoisted(() => {
  const data = new Map<string, string>();
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    writable: true,
    value: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) },
  });
  return data;
});

import type { EngineClient } from '../client/engine-client';
import { useShareNotice } from '../share/share-notice';
import { applyShared } from '../share/share-state';
import type { SharedState } from '../share/validate';
import { createSession } from '../session';
import { ensureHostDefault, setHostProbe } from './host-defaults';
import { STORE_KEY, useApp } from './index';
import { allowLinkHost, leaveLinkHost, watchLinkHost } from './link-host';
import { HUB_HOST } from './settings-slice';

const MINE = 'http://127.0.0.1:8089/';
const FOREIGN = 'http://169.254.169.254/';
const initial = useApp.getState();
const calls: { type: string; spec?: { host: string } }[] = [];
const probes: string[] = [];

const engine = {
  call: vi.fn(async (request: { type: string; spec?: { host: string } }) => {
    calls.push(request);
    if (request.type === 'plan') return { files: [], totalBytes: 3e7, downloadBytes: 3e7, dtype: 'fp32' };
    if (request.type === 'dtypes') return { available: ['fp32'] };
    return {};
  }),
  onRespawn: () => undefined,
} as unknown as EngineClient;
const { checkDtypes, checkPlan, loadModel } = createSession({ engine, store: useApp });

const link = (over: Partial<SharedState> = {}): SharedState => ({
  task: 'text-classification', model: 'org/model', host: FOREIGN, revision: 'main', device: 'auto', dtype: 'auto', params: {}, ...over,
});
const saved = () => JSON.parse(memory.get(STORE_KEY) ?? '{}').state as { host: string; revision: string };
const engineHosts = () => calls.filter((c) => c.spec).map((c) => c.spec!.host);

beforeEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  useApp.setState(initial, true);
  useApp.getState().setHost(MINE);
  calls.length = 0;
  probes.length = 0;
  setHostProbe((host) => {
    probes.push(host);
    return { has: async () => false, search: async () => [] };
  });
});

describe('a share link with another model host', () => {
  it('holds the host: no check, load or probe reaches it, and the saved host stays the user’s', async () => {
    applyShared(link({ model: '' }));
    const s = useApp.getState();
    expect(s.host).toBe(FOREIGN);
    expect(s.linkHost).toMatchObject({ host: FOREIGN, allowed: false, own: { host: MINE, revision: 'main' } });
    expect(saved().host).toBe(MINE);
    await checkPlan();
    await checkDtypes();
    await ensureHostDefault('text-classification');
    useApp.setState({ modelByTask: { ...useApp.getState().modelByTask, 'text-classification': 'org/model' } });
    expect(await loadModel()).toBe(false);
    expect(useApp.getState().load).toMatchObject({ status: 'error', error: { name: 'HostNotAllowedError' } });
    expect(engineHosts()).toEqual([]);
    expect(probes).toEqual([]);
  });

  it('once allowed, the model check goes to the link’s host; Dismiss brings the user’s host back', async () => {
    applyShared(link());
    allowLinkHost();
    await checkPlan();
    expect(engineHosts()).toEqual([FOREIGN]);
    expect(useApp.getState().plan).toMatchObject({ status: 'ready', plan: { downloadBytes: 3e7 } });
    expect(saved().host).toBe(MINE);
    useShareNotice.getState().dismiss();
    expect(useApp.getState()).toMatchObject({ host: MINE, revision: 'main', linkHost: undefined });
  });

  it('a link on the user’s own host needs no consent; its revision is for the demo only', () => {
    applyShared(link({ host: MINE, revision: 'v2' }));
    expect(useApp.getState()).toMatchObject({ host: MINE, revision: 'v2', linkHost: { allowed: true } });
    expect(saved().revision).toBe('main');
    leaveLinkHost();
    expect(useApp.getState().revision).toBe('main');
  });

  it('a second link keeps the user’s own settings underneath; choosing a host in Settings ends the demo', () => {
    applyShared(link());
    applyShared(link({ host: 'http://10.0.0.1/' }));
    expect(useApp.getState().linkHost?.own.host).toBe(MINE);
    useApp.getState().setHost(HUB_HOST);
    expect(useApp.getState()).toMatchObject({ host: HUB_HOST, linkHost: undefined });
    expect(saved().host).toBe(HUB_HOST);
  });

  it('leaving the demo’s task leaves its host', () => {
    const onLeave = vi.fn();
    const stop = watchLinkHost(onLeave);
    applyShared(link());
    useApp.getState().setTask('fill-mask');
    expect(useApp.getState()).toMatchObject({ host: MINE, linkHost: undefined });
    expect(onLeave).toHaveBeenCalledOnce();
    stop();
  });
});
