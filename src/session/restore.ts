// Opening a kept run in place (its task, model, settings and input, with its output shown and nothing run) and
// running it again. The history panel calls these; only the session writes the store.
import type { DeviceChoice, DtypeChoice } from '../protocol/messages';
import { InvalidInputError } from '../protocol/errors';
import { findTask } from '../tasks/registry';
import type { HistoryRecord } from '../history/record';
import { editableInput } from '../history/stored-input';
import type { SessionDeps } from './deps';
import type { Runner } from './run';
import { LOCAL_HOST } from '../models/local-ref';
import { linkHostFields } from '../store/link-host';
import { normalizeHost } from '../store/settings-slice';
import { REVISION } from '../share/validate';

export interface Restorer {
  /** Shows a kept run as it was; rejects with InvalidInputError for a task this app does not have. */
  openRun(record: HistoryRecord): Promise<void>;
  /** Restores a kept run's settings and input, then starts it (resolves once it has started; the run shows as usual). */
  rerun(record: HistoryRecord): Promise<void>;
}

/**
 * The record's model host and revision, checked as a link's are (a history file can be imported from anywhere);
 * undefined for a folder picked from disk, which the worker serves whatever the host setting is.
 */
function keptHost(record: HistoryRecord): { host: string; revision: string } | undefined {
  if (record.host === LOCAL_HOST) return undefined;
  const host = normalizeHost(record.host);
  if (!host) throw new InvalidInputError(`This run names a model host that is not an http(s) address (${record.host.slice(0, 100)}).`, 'Nothing was changed.');
  if (!REVISION.test(record.revision)) throw new InvalidInputError(`This run names a revision that is not a branch, tag or commit (${record.revision.slice(0, 100)}).`, 'Nothing was changed.');
  return { host, revision: record.revision };
}

export function createRestorer({ store }: SessionDeps, runner: Runner): Restorer {
  const state = store.getState;

  /** The task, model and settings of the record; returns its input as the panel edits it. */
  async function restoreSettings(record: HistoryRecord) {
    const task = findTask(record.task);
    if (!task) throw new InvalidInputError(`This run is of a task this version does not have (${record.task}).`);
    const kept = keptHost(record);
    const view = await task.view();
    const s = state();
    s.setTask(record.task);
    // The run's host, as a share link's: for its task only, and held (nothing sent to it) until the user
    // allows it, unless it is their own host (link-host.ts). After setTask, which may end another demo's host.
    if (kept) store.setState(linkHostFields(state(), { task: record.task, ...kept }));
    if ((s.modelByTask[record.task] ?? '') !== record.model || !s.pickedByTask[record.task]) s.setModel(record.model);
    state().setDtype(record.dtypeChoice as DtypeChoice);
    state().setParams(record.params as never);
    if (state().device !== record.deviceChoice) state().setDevice(record.deviceChoice as DeviceChoice);
    return { view, input: editableInput(record.input) };
  }

  async function openRun(record: HistoryRecord): Promise<void> {
    const { view, input } = await restoreSettings(record);
    const s = state();
    if (record.status === 'done' && record.stats) {
      s.setInputFor(record.task, view.applyResult ? view.applyResult(input, record.output, record.stats) : input);
      s.runStarted(record.task, input);
      state().runFinished(record.output, record.stats);
    } else {
      s.setInputFor(record.task, input);
      s.runStarted(record.task, input);
      state().runFailed(record.error ?? { name: 'Error', message: 'This run failed.' }, 'run');
    }
  }

  async function rerun(record: HistoryRecord): Promise<void> {
    const { input } = await restoreSettings(record);
    state().setInputFor(record.task, input);
    void runner.runTask();
  }

  return { openRun, rerun };
}
