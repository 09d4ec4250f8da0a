import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearRuns, listRuns, putRuns } from './db';
import type { HistoryRecord } from './record';

const run = (id: string, time: number): HistoryRecord => ({
  id, time, task: 't', model: 'm', host: 'h', revision: 'main', dtypeChoice: 'auto', deviceChoice: 'auto',
  params: {}, input: id, inputText: id, status: 'done', output: id, stats: { latencyMs: 1 },
});

afterEach(async () => {
  vi.restoreAllMocks();
  await clearRuns();
});

/** Refuses the next `times` writes of a run, the way a full origin quota does. */
function refuseWrites(times: number) {
  const put = IDBObjectStore.prototype.put;
  let left = times;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === 'runs' && left-- > 0) throw new DOMException('full', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

describe('history store', () => {
  it('lists newest first', async () => {
    await putRuns([run('old', 1), run('new', 3), run('mid', 2)]);
    expect((await listRuns()).map((r) => r.id)).toEqual(['new', 'mid', 'old']);
  });

  it('on a quota error drops the oldest runs, one at a time, and keeps the newest', async () => {
    await putRuns([run('a', 1), run('b', 2), run('c', 3)]);
    refuseWrites(2);
    const dropped = await putRuns([run('d', 4)]);
    expect(dropped.map((r) => r.id)).toEqual(['a', 'b']);
    expect((await listRuns()).map((r) => r.id)).toEqual(['d', 'c']);
  });

  it('drops a run that is older than everything kept when nothing fits', async () => {
    await putRuns([run('b', 2)]);
    refuseWrites(Infinity);
    expect((await putRuns([run('a', 1)])).map((r) => r.id)).toEqual(['a']);
    expect((await listRuns()).map((r) => r.id)).toEqual(['b']);
  });
});
