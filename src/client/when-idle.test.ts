import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstGesture, whenSettled, type SettlePage } from './when-idle';

/** A page whose load, long tasks and gestures the test fires by hand. */
function fakePage(readyState: DocumentReadyState = 'loading') {
  const listeners = new Map<string, Set<(event?: Event) => void>>();
  let onLongTask: (() => void) | undefined;
  const page: SettlePage = {
    readyState: () => readyState,
    addEventListener: (type, listener) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(listener),
    removeEventListener: (type, listener) => void listeners.get(type)?.delete(listener),
    observeLongTasks: (onTask) => ((onLongTask = onTask), () => (onLongTask = undefined)),
    idle: (work) => void setTimeout(work, 0),
  };
  const fire = (type: string, event?: Event) => [...(listeners.get(type) ?? [])].forEach((listener) => listener(event));
  return { page, fire, longTask: () => onLongTask?.() };
}

describe('whenSettled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the load event, then for a quiet main thread: each long task restarts the wait', () => {
    const { page, fire, longTask } = fakePage();
    const work = vi.fn();
    whenSettled(work, { quietMs: 1000, maxMs: 60_000, page });
    vi.advanceTimersByTime(5000);
    expect(work).not.toHaveBeenCalled();
    fire('load');
    vi.advanceTimersByTime(900);
    longTask();
    vi.advanceTimersByTime(900);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(work).toHaveBeenCalledTimes(1);
    longTask();
    vi.advanceTimersByTime(60_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at the first key or pointer press, once', () => {
    const { page, fire } = fakePage('complete');
    const work = vi.fn();
    whenSettled(work, { page });
    fire('pointerdown');
    expect(work).toHaveBeenCalledTimes(1);
    fire('keydown');
    vi.advanceTimersByTime(60_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs by maxMs after the load even if long tasks never stop', () => {
    const { page, longTask } = fakePage('complete');
    const work = vi.fn();
    whenSettled(work, { quietMs: 1000, maxMs: 5000, page });
    for (let t = 0; t < 4500; t += 500) {
      vi.advanceTimersByTime(500);
      longTask();
    }
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe('afterFirstGesture', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a key or pointer press however long the page stays quiet (focus alone is not one), then runs once in an idle period', () => {
    const { page, fire, longTask } = fakePage();
    const work = vi.fn();
    afterFirstGesture(work, { page });
    fire('load');
    longTask();
    vi.advanceTimersByTime(600_000);
    expect(work).not.toHaveBeenCalled();
    fire('focusin');
    vi.advanceTimersByTime(1000);
    expect(work).not.toHaveBeenCalled();
    fire('keydown');
    // Not within the event itself.
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    fire('pointerdown');
    fire('keydown');
    vi.advanceTimersByTime(1000);
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe('afterFirstGesture with ignore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets the presses it is told to ignore pass, and runs at the next one', () => {
    const { page, fire } = fakePage('complete');
    const work = vi.fn();
    const inNotice = { target: 'notice' } as unknown as Event;
    const elsewhere = { target: 'page' } as unknown as Event;
    afterFirstGesture(work, { page, ignore: (event) => (event.target as unknown) === 'notice' });
    fire('pointerdown', inNotice);
    fire('keydown', inNotice);
    vi.advanceTimersByTime(1000);
    expect(work).not.toHaveBeenCalled();
    fire('pointerdown', elsewhere);
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
