import { describe, expect, it } from 'vitest';
import { HostGate } from './host-gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HostGate', () => {
  it('runs work for the same host together, and another host only after all of it', async () => {
    const gate = new HostGate();
    const log: string[] = [];
    const a1 = deferred();
    const a2 = deferred();
    const first = gate.run('a', async () => { log.push('a1 start'); await a1.promise; log.push('a1 end'); });
    const second = gate.run('a', async () => { log.push('a2 start'); await a2.promise; log.push('a2 end'); });
    const other = gate.run('b', async () => { log.push('b'); });
    await Promise.resolve();
    expect(log).toEqual(['a1 start', 'a2 start']);
    a1.resolve();
    await first;
    expect(log).not.toContain('b');
    a2.resolve();
    await Promise.all([second, other]);
    expect(log).toEqual(['a1 start', 'a2 start', 'a1 end', 'a2 end', 'b']);
  });

  it('does not let new work on the current host overtake a waiting host', async () => {
    const gate = new HostGate();
    const log: string[] = [];
    const a = deferred();
    const first = gate.run('a', async () => { await a.promise; log.push('a'); });
    const b = gate.run('b', async () => { log.push('b'); });
    const late = gate.run('a', async () => { log.push('late a'); });
    a.resolve();
    await Promise.all([first, b, late]);
    expect(log).toEqual(['a', 'b', 'late a']);
  });

  it('admits the next host when work fails', async () => {
    const gate = new HostGate();
    const failing = gate.run('a', async () => { throw new Error('boom'); });
    const next = gate.run('b', async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
