import { useEffect, useId, useState } from 'react';
import { compactCount, searchModels, type HubModel } from '../../../models/hub-search';
import { modelIdProblem } from '../../../models/model-id';
import { useApp } from '../../../store';
import { hostHeld } from '../../../store/link-host';
import { FieldError } from '../../kit/FieldError/FieldError';

interface Props {
  host: string;
  pipeline: string;
  current: string;
  onPick(id: string): void;
}

type State = { status: 'idle' | 'searching' } | { status: 'done'; results: HubModel[] } | { status: 'error'; message: string };

export function SearchTab({ host, pipeline, current, onPick }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });
  const held = useApp(hostHeld);
  useEffect(() => {
    if (held) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'searching' });
      searchModels(host, { search: query, pipeline }, controller.signal)
        .then((results) => setState({ status: 'done', results }))
        .catch((error: Error) => {
          if (error.name !== 'AbortError') setState({ status: 'error', message: error.message });
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [host, pipeline, query, held]);

  const typed = query.trim();
  const fullId = typed.includes('/') && !modelIdProblem(typed) ? typed : undefined;
  const idProblem = typed.includes('/') ? modelIdProblem(typed) : undefined;
  return (
    <div className="browser-search">
      <div className="field">
        <label htmlFor={`${id}-q`}>Search {new URL(host).host} for {pipeline} models with ONNX weights</label>
        <input id={`${id}-q`} value={query} onChange={(e) => setQuery(e.target.value)} placeholder="name, or a full id such as Xenova/yolos-tiny" spellCheck={false} data-testid="hub-search-input" autoFocus />
        <FieldError>{idProblem}</FieldError>
      </div>
      {fullId && (
        <button type="button" className="secondary" onClick={() => onPick(fullId)} data-testid="use-typed-id">
          Use “{fullId}” as typed
        </button>
      )}
      {held && <p className="muted" data-testid="search-held">This demo’s model host has not been allowed yet: allow it (in the notice above, or next to “demo host” at the top) to search it.</p>}
      {state.status === 'searching' && <p className="muted"><span className="spinner" /> Searching…</p>}
      {state.status === 'error' && <p className="notice notice-error" role="alert" data-testid="search-error">{state.message}</p>}
      {state.status === 'done' && state.results.length === 0 && (
        <p className="muted" data-testid="search-empty">No {pipeline} model with Transformers.js weights matches “{typed}”.</p>
      )}
      {state.status === 'done' && state.results.length > 0 && (
        <ul className="browser-list" data-testid="search-results">
          {state.results.map((model) => (
            <li key={model.id} className={model.id === current ? 'current' : undefined}>
              <div className="browser-item">
                <strong className="mono">{model.id}</strong>
                <span className="muted small">
                  {model.pipelineTag ?? 'no task tag'} · ↓ {compactCount(model.downloads)} downloads · ♥ {compactCount(model.likes)}
                </span>
              </div>
              <button type="button" className="secondary small-button" onClick={() => onPick(model.id)} aria-label={`Use ${model.id}`}>
                Use
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
