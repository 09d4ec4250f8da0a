import { useState, type ChangeEvent } from 'react';
import type { InputProps } from '../types';
import type { Input } from './types';
import { TextInput } from '../../ui/kit/TextInput/TextInput';
import { documentsOf, parseCorpusFile } from './corpus';
import { formatCount } from '../../ui/format';

const QUERIES = ['A man is playing a guitar.', 'How do I cook dinner quickly?', 'news about the economy'];

/** Messages about the query go under the query box; everything else under the corpus. */
function splitError(error: string | undefined): { corpus?: string; query?: string } {
  if (!error) return {};
  return /query/i.test(error) ? { query: error } : { corpus: error };
}

export function SearchInput({ value, onChange, error, disabled }: InputProps<Input>) {
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string }>();
  const errors = splitError(error);
  const count = documentsOf(value.corpus).length;

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const documents = parseCorpusFile(file.name, await file.text());
      onChange({ ...value, corpus: documents.join('\n') });
      setFileNote({ ok: true, text: `Loaded ${formatCount(documents.length)} documents from ${file.name}.` });
    } catch (problem) {
      setFileNote({ ok: false, text: (problem as Error).message });
    }
  }

  return (
    <>
      <TextInput
        label="Corpus (one document per line)"
        rows={8}
        value={value.corpus}
        onChange={(corpus) => onChange({ ...value, corpus })}
        error={errors.corpus}
        disabled={disabled}
        testId="corpus-input"
      />
      <div className="corpus-tools">
        <label className={`file-button${disabled ? ' disabled' : ''}`}>
          Upload .txt, .csv or .json
          <input type="file" accept=".txt,.csv,.json,text/plain,text/csv,application/json" onChange={(e) => void onFile(e)} disabled={disabled} data-testid="corpus-file" />
        </label>
        <span className="muted small" data-testid="corpus-count">
          {formatCount(count)} document{count === 1 ? '' : 's'}
        </span>
      </div>
      {fileNote && (
        <p className={fileNote.ok ? 'field-note' : 'field-error'} role={fileNote.ok ? undefined : 'alert'} data-testid="corpus-file-note">
          {fileNote.text}
        </p>
      )}
      <TextInput
        label="Query"
        rows={2}
        value={value.query}
        onChange={(query) => onChange({ ...value, query })}
        samples={QUERIES}
        error={errors.query}
        disabled={disabled}
        testId="query-input"
      />
    </>
  );
}
