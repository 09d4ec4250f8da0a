// Property-based checks of the link codec and validator: whatever follows `#s=`, opening it either
// yields a checked state inside the app's allowed values or a ShareLinkError — never another throw,
// never a polluted Object.prototype — and every valid state survives encode → decode unchanged.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelIdProblem } from '../models/model-id';
import { DTYPES } from '../protocol/messages';
import { useApp } from '../store';
import { mergePersisted } from '../store/persisted';
import { normalizeHost } from '../store/settings-slice';
import { TASKS, defaultParams, findTask } from '../tasks/registry';
import { ShareLinkError, decodeShare, encodeShare, encodeShareV0, toBase64Url, type SharePayload } from './codec';
import { REVISION, validateShare, type SharedState } from './validate';

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const TASK_IDS = TASKS.map((task) => task.meta.id);
const templates = new Map<string, unknown>();
const current = () => ({ model: 'mine/model', host: 'http://127.0.0.1:8089/', revision: 'mine', device: 'wasm' as const, dtype: 'q8' as const });
const validate = (payload: SharePayload) => validateShare(payload, (task) => templates.get(task), current);
const protoNames = () => Object.getOwnPropertyNames(Object.prototype).sort();
const RUNS = { numRuns: 150 };

beforeAll(async () => {
  for (const task of TASKS) templates.set(task.meta.id, (await task.view()).defaultInput);
});

/** JSON text built by hand, so `__proto__` arrives as an own key, as JSON.parse makes it from a link. */
const hostileJson: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_KEYS, 't', 'm', 'h', 'p', 'i', 'text', 'labels'), fc.string()), tie('value')), { maxLength: 4 })
      .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`),
  ),
})).value;

/** A payload whose fields are anything at all, with hostile keys mixed in at every level. */
const anyPayload: fc.Arbitrary<SharePayload> = fc
  .record(
    {
      t: fc.oneof(fc.constantFrom(...TASK_IDS), fc.constantFrom(...HOSTILE_KEYS), fc.anything()),
      m: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS, 'a/b', '__proto__/x'), fc.anything()),
      h: fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('javascript:alert(1)', 'http://u:p@x/', 'file:///etc/passwd', 'http://169.254.169.254/'), fc.anything()),
      r: fc.oneof(fc.string(), fc.anything()),
      d: fc.oneof(fc.constantFrom('auto', 'webgpu', 'wasm', '__proto__'), fc.anything()),
      q: fc.oneof(fc.constantFrom('auto', ...DTYPES, 'constructor'), fc.anything()),
      p: hostileJson.map((text) => JSON.parse(text) as unknown),
      i: hostileJson.map((text) => JSON.parse(text) as unknown),
    },
    { requiredKeys: [] },
  )
  .chain((payload) => hostileJson.map((extra) => ({ ...(JSON.parse(`{"x":${extra}}`) as object), ...payload })));

function expectAllowed(state: SharedState): void {
  const meta = findTask(state.task)!.meta;
  expect(TASK_IDS).toContain(state.task);
  expect(state.model === '' || state.model === 'mine/model' || modelIdProblem(state.model) === undefined).toBe(true);
  expect(normalizeHost(state.host)).toBe(state.host);
  expect(state.revision).toMatch(REVISION);
  expect(['auto', 'webgpu', 'wasm']).toContain(state.device);
  expect(['auto', ...DTYPES]).toContain(state.dtype);
  expect(Object.getPrototypeOf(state.params)).toBe(Object.prototype);
  for (const [key, value] of Object.entries(state.params)) {
    const spec = meta.params.find((p) => p.key === key);
    expect(spec, `param ${key}`).toBeDefined();
    if (spec!.kind === 'toggle') expect(typeof value).toBe('boolean');
    else expect(value as number).toBeGreaterThanOrEqual(spec!.min), expect(value as number).toBeLessThanOrEqual(spec!.max);
  }
  if (state.input !== undefined) expect(() => JSON.stringify(state.input)).not.toThrow();
}

describe('share links, property-based', () => {
  it('any text after #s= opens or fails with ShareLinkError, nothing else', async () => {
    const valid = await encodeShare({ t: 'fill-mask', m: 'a/b' });
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'0123456789.-_abcXYZ') }),
      fc.tuple(fc.constantFrom('0', '1', '2', '99999999999999999999'), fc.string({ unit: fc.constantFrom(...'AZaz09-_=+/') })).map(([v, body]) => `${v}.${body}`),
      fc.tuple(fc.nat(valid.length), fc.string({ maxLength: 3 })).map(([at, insert]) => valid.slice(0, at) + insert + valid.slice(at + 1)),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => `1.${toBase64Url(bytes)}`),
      hostileJson.map((json) => `0.${toBase64Url(new TextEncoder().encode(json))}`),
    );
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        try {
          const { payload } = await decodeShare(value);
          expect(typeof payload).toBe('object');
        } catch (error) {
          expect(error).toBeInstanceOf(ShareLinkError);
        }
      }),
      RUNS,
    );
  });

  it('validateShare only ever returns values from its allowed sets, and never pollutes Object.prototype', async () => {
    const before = protoNames();
    await fc.assert(
      fc.asyncProperty(anyPayload, async (payload) => {
        // Through the real codec (both versions), as a link would arrive.
        for (const encoded of [await encodeShare(payload), encodeShareV0(payload)]) {
          const { payload: decoded } = await decodeShare(encoded);
          const { state, dropped } = validate(decoded);
          expect(dropped.every((line) => typeof line === 'string')).toBe(true);
          if (state) expectAllowed(state);
          else expect(typeof decoded.t !== 'string' || !findTask(decoded.t)).toBe(true);
        }
        expect(protoNames()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('a valid state goes through encode → decode → validate unchanged', async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9][\w.]{0,20}$/).filter((s) => !s.includes('..'));
    const state = fc.constantFrom(...TASKS.map((task) => task.meta)).chain((meta) =>
      fc.record({
        t: fc.constant(meta.id),
        m: fc.tuple(segment, segment).map(([org, name]) => `${org}/${name}`),
        h: fc.constantFrom('http://127.0.0.1:8089/', 'https://mirror.example/models/', 'http://[::1]:9000/'),
        r: fc.stringMatching(/^[\w./-]{1,40}$/),
        d: fc.constantFrom('webgpu', 'wasm'),
        q: fc.constantFrom(...DTYPES),
        p: fc.record(
          Object.fromEntries(
            meta.params.map((spec) => [spec.key, spec.kind === 'toggle' ? fc.boolean() : fc.double({ min: spec.min, max: spec.max, noNaN: true }).map((v) => v + 0)]),
          ),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(state, async (payload) => {
        const decoded = (await decodeShare(await encodeShare(payload))).payload;
        expect(decoded).toEqual(payload);
        const { state: checked, dropped } = validate(decoded);
        expect(dropped).toEqual([]);
        expect(checked).toMatchObject({ task: payload.t, model: payload.m, host: payload.h, revision: payload.r, device: payload.d, dtype: payload.q });
        expect(checked!.params).toEqual({ ...defaultParams(findTask(payload.t)!.meta), ...payload.p });
      }),
      RUNS,
    );
  });

  it('a saved visit with hostile keys restores without touching any prototype', () => {
    const before = protoNames();
    const saved = fc.tuple(hostileJson, hostileJson, hostileJson).map(([params, models, inputs]) =>
      JSON.parse(`{"paramsByTask":${params},"modelByTask":${models},"inputByTask":${inputs},"__proto__":{"polluted":1}}`) as unknown,
    );
    fc.assert(
      fc.property(saved, (value) => {
        const merged = mergePersisted(value, useApp.getState());
        expect(Object.getPrototypeOf(merged.paramsByTask)).toBe(Object.prototype);
        for (const task of Object.keys(merged.paramsByTask)) expect(findTask(task)).toBeDefined();
        expect(protoNames()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      RUNS,
    );
  });
});
