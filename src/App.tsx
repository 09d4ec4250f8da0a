import { useState } from 'react';
import { useApp } from './store';
import { HUB_HOST } from './store/settings-slice';
import { allowLinkHost } from './store/link-host';
import { OfflineBadge } from './ui/kit/OfflineBadge/OfflineBadge';
import { CapabilityBadge } from './ui/shell/CapabilityBadge/CapabilityBadge';
import { TaskPicker } from './ui/shell/TaskPicker/TaskPicker';
import { Workspace } from './ui/layout/Workspace';
import { PwaNotices, PwaToasts } from './pwa/PwaNotices';
import { SharedNotice } from './share/SharedNotice';
import { useShareNotice } from './share/share-notice';
import { lazyDialog } from './ui/kit/LazyDialog/LazyDialog';

// The dialogs are not on the first screen: each is its own chunk, fetched when it first opens.
const SettingsDialog = lazyDialog(() => import('./ui/shell/SettingsDialog/SettingsDialog').then((m) => m.SettingsDialog));
const ModelsDialog = lazyDialog(() => import('./ui/shell/ModelsDialog/ModelsDialog').then((m) => m.ModelsDialog));
const ShareDialog = lazyDialog(() => import('./share/ShareDialog').then((m) => m.ShareDialog));
const HistoryDialog = lazyDialog(() => import('./history/HistoryDialog').then((m) => m.HistoryDialog));

/** A linked demo's (or a kept run's) host, in use instead of the user's own until they leave it. */
function LinkHostLabel({ host, held }: { host: string; held: boolean }) {
  return (
    <span className="badge info" title="This demo's model host, from a share link or a kept run (for this demo only)" data-testid="host-badge" data-link-host={held ? 'held' : 'allowed'}>
      demo host: {new URL(host).host}
      {held ? ' (not allowed)' : ''}{' '}
      {held && (
        <button type="button" className="link" onClick={allowLinkHost} data-testid="allow-link-host" title={`Allow ${new URL(host).host} for this demo`}>
          Allow
        </button>
      )}{' '}
      <button type="button" className="link" onClick={() => useShareNotice.getState().dismiss()} data-testid="leave-link-host">
        Use my host
      </button>
    </span>
  );
}

function HostLabel() {
  const host = useApp((s) => s.host);
  const link = useApp((s) => s.linkHost);
  if (link) return <LinkHostLabel host={link.host} held={!link.allowed} />;
  if (host === HUB_HOST) return <span className="badge" title={host}>Hugging Face Hub</span>;
  return (
    <span className="badge info" title="Models are fetched from this mirror" data-testid="host-badge">
      mirror: {new URL(host).host}
    </span>
  );
}

export function App() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [modelsOpen, setModelsOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width={28} height={28} />
          <span>Model Playground</span>
        </div>
        <div className="topbar-right">
          <CapabilityBadge />
          <HostLabel />
          <OfflineBadge />
          <div className="topbar-actions">
            <button type="button" className="secondary" onClick={() => setShareOpen(true)} data-testid="share-button" title="A link that opens this demo">
              Share
            </button>
            <button type="button" className="secondary" onClick={() => setHistoryOpen(true)} data-testid="history-button" title="Every run kept in this browser">
              History
            </button>
            <button type="button" className="secondary" onClick={() => setModelsOpen(true)} data-testid="models-button" title="Models in this browser's cache">
              Models
            </button>
            <button type="button" className="secondary" onClick={() => setSettingsOpen(true)} data-testid="settings-button">
              Settings
            </button>
          </div>
        </div>
      </header>
      <div className="notices">
        <SharedNotice />
        <PwaNotices />
      </div>
      <div className="layout">
        <TaskPicker />
        <Workspace />
      </div>
      <PwaToasts />
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {modelsOpen && <ModelsDialog onClose={() => setModelsOpen(false)} />}
      {shareOpen && <ShareDialog onClose={() => setShareOpen(false)} />}
      {historyOpen && <HistoryDialog onClose={() => setHistoryOpen(false)} />}
    </div>
  );
}
