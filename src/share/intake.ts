// Opening a share link: read the fragment, check it, apply what is valid, say what was not.
import { findTask } from '../tasks/registry';
import { ShareLinkError, decodeShare, shareParam } from './codec';
import { applyShared, currentFor } from './share-state';
import { useShareNotice } from './share-notice';
import { validateShare } from './validate';

export async function openSharedLink(hash: string = location.hash): Promise<void> {
  const value = shareParam(hash);
  if (value === undefined) return;
  // The state now lives in the app (and is remembered); a reload should not re-apply the link.
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  try {
    const { version, payload } = await decodeShare(value);
    const task = typeof payload.t === 'string' ? findTask(payload.t) : undefined;
    const template = task ? (await task.view()).defaultInput : undefined;
    const checked = validateShare(payload, () => template, currentFor);
    if (!checked.state) {
      useShareNotice.setState({ notice: { kind: 'refused', message: 'This link names a task this app does not have.', dropped: checked.dropped } });
      return;
    }
    applyShared(checked.state);
    useShareNotice.setState({ notice: { kind: 'restored', state: checked.state, dropped: checked.dropped, version } });
  } catch (error) {
    const message = error instanceof ShareLinkError ? error.message : 'The link could not be read.';
    useShareNotice.setState({ notice: { kind: 'refused', message, dropped: [] } });
  }
}

/** Reads the link the page was opened with, and any link pasted into the address bar later. */
export function listenForSharedLinks(): void {
  void openSharedLink();
  window.addEventListener('hashchange', () => void openSharedLink());
}
