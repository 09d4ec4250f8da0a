import { useEffect, useState } from 'react';
import { useApp } from '../store';
import { planKey, specOf } from '../session/spec';
import { useSession } from '../session/react';
import { HUB_HOST } from '../store/settings-slice';
import { allowLinkHost } from '../store/link-host';
import { findTask } from '../tasks/registry';
import { costFromReport, costLabel, downloadCost, formatMB, type DownloadCost } from './consent';
import { useShareNotice } from './share-notice';
import type { SharedState } from './validate';

function DroppedList({ dropped }: { dropped: string[] }) {
  if (dropped.length === 0) return null;
  const shown = dropped.slice(0, 12);
  return (
    <div className="share-dropped" data-testid="share-dropped">
      <p>Some parts of the link were not used:</p>
      <ul>
        {shown.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
        {dropped.length > shown.length && <li>…and {dropped.length - shown.length} more</li>}
      </ul>
    </div>
  );
}

/**
 * The download cost of running the link: the model check's real size once it is done (the model bar
 * starts it), the catalog's for a task with its own loader, or when the check failed.
 */
function useRunCost(): DownloadCost | undefined {
  const report = useApp((s) => s.plan);
  useApp((s) => s.modelByTask[s.task] + s.host + s.revision + s.device + (s.dtypeByTask[s.task] ?? ''));
  const spec = specOf(useApp.getState());
  const ownLoader = Boolean(findTask(spec.task)?.meta.ownLoader);
  const [fallback, setFallback] = useState<{ key: string; cost: DownloadCost }>();
  const key = planKey(spec);
  const fromReport = ownLoader ? 'catalog' : spec.model ? costFromReport(report, key) : undefined;
  const useCatalog = fromReport === 'catalog';
  useEffect(() => {
    if (!useCatalog) return;
    let live = true;
    void downloadCost(spec).then((cost) => live && setFallback({ key, cost }));
    return () => {
      live = false;
    };
    // The key names the spec: it is what the effect depends on.
  }, [key, useCatalog]);
  if (useCatalog) return fallback?.key === key ? fallback.cost : undefined;
  return fromReport;
}

function RunOffer({ state, onDone }: { state: SharedState; onDone(): void }) {
  const cost = useRunCost();
  const { runTask } = useSession();
  const [confirming, setConfirming] = useState(false);
  const run = () => {
    onDone();
    void runTask();
  };
  if (confirming) {
    const size = cost?.sizeMB === undefined ? 'a model of unknown size' : `about ${formatMB(cost.sizeMB)}`;
    return (
      <div className="share-confirm" data-testid="share-confirm">
        <span>
          This downloads {size} from {new URL(state.host).host}. Continue?
        </span>
        <button type="button" className="primary" onClick={run} data-testid="share-confirm-run">
          Download and run
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Not now
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="primary" disabled={!cost} onClick={() => (cost?.ask ? setConfirming(true) : run())} data-testid="share-run" data-cached={cost?.cached}>
      {costLabel(cost)}
    </button>
  );
}

/** A link's host that is not the user's own: named, and nothing reaches it until it is allowed. */
function AllowHost({ host }: { host: string }) {
  return (
    <button type="button" className="primary" onClick={allowLinkHost} data-testid="share-allow-host">
      Allow {host} for this demo
    </button>
  );
}

/** What opening a share link did: restored (with Run offered) or refused, and every dropped field. */
export function SharedNotice() {
  const { notice, dismiss, hide } = useShareNotice();
  const held = useApp((s) => Boolean(s.linkHost && !s.linkHost.allowed));
  if (!notice) return null;
  if (notice.kind === 'refused') {
    return (
      <div className="banner error" role="alert" data-testid="share-notice" data-kind="refused">
        <div className="banner-body">
          <strong>This share link could not be opened.</strong> {notice.message} Nothing from it was used.
          <DroppedList dropped={notice.dropped} />
        </div>
        <button type="button" className="link" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  const { state, dropped } = notice;
  const label = findTask(state.task)?.meta.label ?? state.task;
  const hostName = new URL(state.host).host;
  return (
    <div className="banner share" role="status" data-testid="share-notice" data-kind="restored" data-version={notice.version} data-host-held={held}>
      <div className="banner-body">
        <strong>Opened a shared demo:</strong> {label} with {state.model ? <code>{state.model}</code> : 'its default model'}
        {state.host !== HUB_HOST && <> from {hostName}</>}.{' '}
        {held ? (
          <span data-testid="share-host-held">
            Its model comes from <strong>{state.host}</strong>, which is not your model host: nothing is sent there unless you allow it, for
            this demo only.
          </span>
        ) : (
          'Nothing runs until you press Run.'
        )}
        <DroppedList dropped={dropped} />
      </div>
      <div className="banner-actions">
        {held ? <AllowHost host={hostName} /> : <RunOffer state={state} onDone={hide} />}
        <button type="button" className="link" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
