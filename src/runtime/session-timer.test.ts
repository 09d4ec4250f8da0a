import { describe, expect, it } from 'vitest';
import { SessionClock, sessionsOf } from './session-timer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fakeSession(ms: number, calls: unknown[][]) {
  return {
    inputNames: ['x'],
    async run(...args: unknown[]) {
      calls.push(args);
      await sleep(ms);
      return { y: args[0] };
    },
  };
}

describe('SessionClock', () => {
  it('sums the time inside every session of a pipeline, and take() starts again from zero', async () => {
    const calls: unknown[][] = [];
    const encoder = fakeSession(20, calls);
    const decoder = fakeSession(10, calls);
    const pipe = { model: { sessions: { encoder, decoder } }, tokenizer: {} };
    const clock = new SessionClock().attach(pipe);

    await expect(pipe.model.sessions.encoder.run({ a: 1 }, { fetches: 1 })).resolves.toEqual({ y: { a: 1 } });
    await pipe.model.sessions.decoder.run({ b: 2 });
    await sleep(30); // time outside run is not counted
    const taken = clock.take();
    expect(taken.calls).toBe(2);
    expect(taken.ms).toBeGreaterThanOrEqual(28);
    expect(taken.ms).toBeLessThan(60);
    // The arguments reach the session as given.
    expect(calls).toEqual([[{ a: 1 }, { fetches: 1 }], [{ b: 2 }]]);
    expect(clock.take()).toEqual({ ms: 0, calls: 0 });
  });

  it('counts a failed run and passes its error on', async () => {
    const session = { inputNames: ['x'], run: async () => Promise.reject(new Error('bad feed')) };
    const clock = new SessionClock().attach({ detection: session });
    await expect(session.run()).rejects.toThrow('bad feed');
    expect(clock.take().calls).toBe(1);
  });

  it('wraps a session once, however often a pipeline is attached', async () => {
    const calls: unknown[][] = [];
    const session = fakeSession(1, calls);
    const clock = new SessionClock().attach({ model: { sessions: { model: session } }, session }).attach({ session });
    await session.run();
    expect(clock.take().calls).toBe(1);
  });

  it('finds sessions in model.sessions and on the object itself, and nothing in other values', () => {
    const a = fakeSession(0, []);
    const b = fakeSession(0, []);
    expect(sessionsOf({ model: { sessions: { a } }, b, tokenizer: { run: () => undefined } })).toEqual([a, b]);
    expect(sessionsOf(null)).toEqual([]);
    expect(sessionsOf('text')).toEqual([]);
  });
});
