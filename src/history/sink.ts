// The app's history sink: turns a finished run into a record (pictures stored, see stored-input.ts) and writes it
// to IndexedDB, dropping the oldest runs when storage is full. A write never fails the run: its problem is said
// in the history panel instead.
import { useHistory } from './history-state';
import { newRecordId, textOf, type FinishedRun, type HistoryRecord, type HistorySink } from './record';
import { hasPictures, storableInput } from './stored-input';

export async function recordOf(run: FinishedRun, thumbnails = true): Promise<HistoryRecord> {
  const input = await storableInput(run.input, thumbnails);
  const { spec, ran } = run;
  return {
    id: newRecordId(),
    time: Date.now(),
    task: spec.task,
    model: spec.model,
    host: spec.host,
    revision: spec.revision,
    dtypeChoice: spec.dtype,
    deviceChoice: spec.device,
    ...(ran ? { ran: { device: ran.device, dtype: ran.dtype, threads: ran.threads } } : {}),
    params: run.params,
    input,
    inputText: textOf(input),
    status: run.error ? 'error' : 'done',
    ...(run.output !== undefined ? { output: run.output } : {}),
    ...(run.stats ? { stats: run.stats } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}

export function createHistorySink(): HistorySink {
  // One write at a time, in the order the runs finished.
  let queue: Promise<void> = Promise.resolve();
  return {
    save(run) {
      queue = queue.then(async () => {
        const state = useHistory.getState();
        try {
          // idb and the store's code load with the first kept run, not with the first screen.
          const { putRuns } = await import('./db');
          // Written at once (a reload right after the run keeps it), then again with its pictures' thumbnails.
          const record = await recordOf(run, false);
          const dropped = await putRuns([record]);
          if (hasPictures(run.input) && !dropped.includes(record)) {
            dropped.push(...(await putRuns([{ ...record, input: await storableInput(run.input, true) }])));
          }
          state.droppedRuns(dropped);
          state.saveFailed(undefined);
        } catch (error) {
          state.saveFailed(`This run could not be kept in the history: ${(error as Error).message}`);
        } finally {
          state.changed();
        }
      });
      return queue;
    },
  };
}
