import { useState } from 'react';
import type { TaskMeta } from '../tasks/types';
import { exportFileName } from '../ui/shell/ResultExport/export-json';
import { compareDocument, downloadBlob, tablePng } from './compare-export';
import type { CompareColumn, ColumnResult } from './types';
import { FieldError } from '../ui/kit/FieldError/FieldError';

interface Props {
  meta: TaskMeta;
  columns: CompareColumn[];
  results: ColumnResult[];
  differs: boolean[];
  names: string[];
  input: unknown;
}

/** Download JSON (settings, outputs and figures of every column) and PNG (the comparison table). */
export function CompareExport({ meta, columns, results, differs, names, input }: Props) {
  const [error, setError] = useState<string>();
  const snapshot = () => ({ task: meta.id, input, names, columns, results, differs });
  const base = exportFileName(`compare-${meta.id}`, undefined).replace(/\.json$/, '');
  const json = () => downloadBlob(new Blob([compareDocument(snapshot())], { type: 'application/json' }), `${base}.json`);
  const png = async () => {
    try {
      downloadBlob(await tablePng(snapshot()), `${base}.png`);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const none = results.length === 0;
  return (
    <>
      <button type="button" className="secondary" onClick={json} disabled={none} data-testid="compare-export-json">Download JSON</button>
      <button type="button" className="secondary" onClick={() => void png()} disabled={none} data-testid="compare-export-png">Download PNG</button>
      <FieldError>{error}</FieldError>
    </>
  );
}
