import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../ui/kit/Dialog/Dialog';
import { useApp } from '../store';
import { findTask } from '../tasks/registry';
import { FRAGMENT_KEY, encodeShare } from './codec';
import { snapshot, type Snapshot } from './share-state';
import { formatCount } from '../ui/format';

/** Long links still work, but some chat apps and mail clients cut them. */
const LONG_LINK = 8_000;

function describeInput(value: unknown): string {
  if (value === undefined) return 'the task’s default input';
  const image = value as { kind?: string; name?: string; url?: string };
  if (image.kind === 'sample') return `bundled sample image ${image.name}`;
  if (image.kind === 'url') return `image at ${image.url}`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

function Contents({ snap }: { snap: Snapshot }) {
  const p = snap.payload;
  const params = Object.entries((p.p as Record<string, unknown>) ?? {});
  const rows: [string, string][] = [
    ['Task', findTask(String(p.t))?.meta.label ?? String(p.t)],
    ['Model', String(p.m)],
    ['Host', p.h ? String(p.h) : 'Hugging Face Hub'],
    ['Revision', p.r ? String(p.r) : 'main'],
    ['Device', p.d ? String(p.d) : 'auto'],
    ['Precision', p.q ? String(p.q) : 'auto'],
    ['Parameters', params.length ? params.map(([k, v]) => `${k} = ${v}`).join(', ') : 'defaults'],
    ['Input', describeInput(p.i)],
  ];
  return (
    <dl className="share-contents" data-testid="share-contents">
      {rows.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ShareDialog({ onClose }: { onClose(): void }) {
  const [snap, setSnap] = useState<Snapshot>();
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const state = useApp.getState();
      const template = (await findTask(state.task)?.view())?.defaultInput;
      const next = snapshot(state, template);
      const value = await encodeShare(next.payload);
      if (!live) return;
      setSnap(next);
      setLink(`${location.origin}${location.pathname}#${FRAGMENT_KEY}=${value}`);
    })();
    return () => {
      live = false;
    };
  }, []);

  const copy = async () => {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Dialog title="Share this demo" onClose={onClose} className="share-dialog" testId="share-dialog">
      <p className="muted small">Anyone with the link opens the same task, model and input, and presses Run themselves. The link holds no pixels and never reaches a server: it all sits after the #.</p>
      <div className="share-link-row">
        <input ref={inputRef} readOnly value={link} placeholder="Making the link…" aria-label="Share link" data-testid="share-link" onFocus={(e) => e.target.select()} />
        <button type="button" className="primary" onClick={() => void copy()} disabled={!link} data-testid="share-copy">
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' && <p className="field-error" role="alert">The browser did not allow copying: the link is selected, press Ctrl/⌘+C.</p>}
      {link.length > LONG_LINK && <p className="field-note">This link is long ({formatCount(link.length)} characters); some apps cut long links.</p>}
      {snap && <Contents snap={snap} />}
      {snap?.notes.map((note) => (
        <p key={note} className="field-note" data-testid="share-note">{note}</p>
      ))}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose} data-testid="share-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
