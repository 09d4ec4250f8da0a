import type { Params, TaskView } from '../tasks/types';
import { ErrorNotice } from '../ui/kit/ErrorNotice/ErrorNotice';
import { PanelBoundary } from '../ui/kit/PanelBoundary/PanelBoundary';
import { divergence, type CompareKey } from './compare-key';
import type { CompareColumn, ColumnResult } from './types';

interface Props {
  view: TaskView;
  column: CompareColumn;
  result: ColumnResult | undefined;
  name: string;
  /** The first column's key, the reference the others are compared with. */
  reference?: CompareKey;
  compareKey?: CompareKey;
  differs: boolean;
  /** The view's own controls (a detector's threshold, a mask's opacity) change this column's parameters. */
  onParamsChange(next: Params): void;
}

const STATUS: Record<ColumnResult['status'], string> = {
  waiting: 'Waiting for its turn…',
  loading: 'Loading the model…',
  running: 'Running…',
  done: '',
  error: '',
  stopped: 'Stopped before it finished.',
};

const noop = () => undefined;

/** The text with everything from the first token that differs from the reference marked. */
function DivergedText({ reference, value, name }: { reference: string; value: string; name: string }) {
  const at = divergence(reference, value);
  if (at === undefined) return null;
  return (
    <p className="compare-divergence" data-testid="compare-divergence" data-at={at}>
      <span className="muted">Diverges from column A {at === 0 ? 'at the first token' : `after ${at} characters`}: </span>
      <span>{value.slice(0, at)}</span>
      <mark aria-label={`column ${name} differs from here`}>{value.slice(at) || '(ends here)'}</mark>
    </p>
  );
}

function KeyLine({ name, compareKey, reference, differs }: Pick<Props, 'name' | 'compareKey' | 'reference' | 'differs'>) {
  if (!compareKey) return null;
  if (compareKey.kind === 'text') {
    return differs && reference?.kind === 'text' ? <DivergedText reference={reference.value} value={compareKey.value} name={name} /> : null;
  }
  const what = compareKey.kind === 'label' ? 'Top label' : compareKey.kind === 'boxes' ? 'Boxes' : 'Output';
  const shown = compareKey.value.length > 160 ? `${compareKey.value.slice(0, 160)}…` : compareKey.value;
  return (
    <p className="compare-key" data-testid="compare-key">
      {what}: <strong data-testid="compare-key-value">{shown}</strong>
      {differs && <span className="pill warn">differs from A</span>}
    </p>
  );
}

/** One column's result: its status or error, the task's own output view, and how it differs from column A. */
export function ColumnOutput({ view, column, result, name, reference, compareKey, differs, onParamsChange }: Props) {
  const Output = view.Output;
  const status = result?.status ?? 'waiting';
  const showOutput = (status === 'running' && result?.partial !== undefined) || status === 'done';
  return (
    <div className={`compare-output${differs ? ' differs' : ''}`} data-testid="compare-output" data-status={status} data-differs={differs}>
      {STATUS[status] && <p className="muted">{status === 'loading' || status === 'running' ? <span className="spinner" /> : null} {STATUS[status]}</p>}
      {result?.error && <ErrorNotice error={result.error} testId="compare-error" />}
      {showOutput && result && (
        <PanelBoundary key={status} onError={noop} fallback={<p className="notice notice-error">This column’s output could not be shown.</p>}>
          <Output
            input={result.input}
            output={status === 'done' ? result.output : undefined}
            partial={status === 'running' ? result.partial : undefined}
            model={column.model}
            params={column.params}
            caps={undefined}
            onParamsChange={onParamsChange}
            value={result.input}
            running={status === 'running'}
          />
        </PanelBoundary>
      )}
      {status === 'done' && <KeyLine name={name} compareKey={compareKey} reference={reference} differs={differs} />}
    </div>
  );
}
