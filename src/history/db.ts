// The history's IndexedDB store, through `idb` (promises over IDBRequest, ~1 kB): one object store of records
// keyed by id, with an index on time so the newest come first and the oldest can be dropped.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HistoryRecord } from './record';

interface HistorySchema extends DBSchema {
  runs: { key: string; value: HistoryRecord; indexes: { time: number } };
}

const DB_NAME = 'model-playground-history';
let opened: Promise<IDBPDatabase<HistorySchema>> | undefined;

function db(): Promise<IDBPDatabase<HistorySchema>> {
  opened ??= openDB<HistorySchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('runs', { keyPath: 'id' }).createIndex('time', 'time');
    },
  }).catch((error: unknown) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

export const isQuotaError = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'QuotaExceededError';

/** Newest first. */
export async function listRuns(): Promise<HistoryRecord[]> {
  const all = await (await db()).getAllFromIndex('runs', 'time');
  return all.reverse();
}

/**
 * Writes records; when storage is full, drops the oldest kept runs one at a time and tries again, so the
 * newest are kept. Returns the runs dropped (a record that cannot fit even alone is dropped too).
 */
export async function putRuns(records: HistoryRecord[]): Promise<HistoryRecord[]> {
  const dropped: HistoryRecord[] = [];
  const pending = [...records].sort((a, b) => b.time - a.time);
  for (const record of pending) {
    for (;;) {
      try {
        await (await db()).put('runs', record);
        break;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        const oldest = await oldestRun();
        if (!oldest || oldest.time > record.time) {
          dropped.push(record);
          break;
        }
        await deleteRun(oldest.id);
        dropped.push(oldest);
      }
    }
  }
  return dropped;
}

async function oldestRun(): Promise<HistoryRecord | undefined> {
  const cursor = await (await db()).transaction('runs').store.index('time').openCursor();
  return cursor?.value;
}

export async function deleteRun(id: string): Promise<void> {
  await (await db()).delete('runs', id);
}

export async function clearRuns(): Promise<void> {
  await (await db()).clear('runs');
}
