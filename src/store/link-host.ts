// A share link may name any model host — another mirror, or any address at all (169.254.169.254); so may a
// kept run opened from the history (its file can be imported from anywhere). Its host applies to that demo only, and nothing is sent to it until the user allows it: while the host is
// held, no model check, precision check, default-model probe, search or load reaches it. The user's own
// host and revision are what is saved, and what Dismiss (or leaving the demo's task) brings back.
import type { AppState } from './index';
import { useApp } from './index';
import { HostNotAllowedError } from '../protocol/errors';

export interface LinkHost {
  /** The task the link opened: the host applies to that demo only. */
  task: string;
  /** The link's host and revision (the store's `host` and `revision` while the demo is open). */
  host: string;
  revision: string;
  /** False until the user allows the link's host for this demo. */
  allowed: boolean;
  /** The user's own settings: saved meanwhile, and restored when the demo ends. */
  own: { host: string; revision: string };
}

/** True while the store's host came from a link and the user has not allowed it: nothing may reach it. */
export const hostHeld = (state: Pick<AppState, 'linkHost'>): boolean => state.linkHost !== undefined && !state.linkHost.allowed;

/** The user's own host and revision, whatever demo is open. */
export const ownSettings = (state: Pick<AppState, 'host' | 'revision' | 'linkHost'>) => state.linkHost?.own ?? { host: state.host, revision: state.revision };

/** The store fields that open a linked demo on its host and revision (held unless it is the user's own host). */
export function linkHostFields(state: AppState, link: { task: string; host: string; revision: string }): Pick<AppState, 'host' | 'revision' | 'linkHost'> {
  const own = ownSettings(state);
  if (link.host === own.host && link.revision === own.revision) return { host: own.host, revision: own.revision, linkHost: undefined };
  return { host: link.host, revision: link.revision, linkHost: { ...link, allowed: link.host === own.host, own } };
}

/** The user allowed the link's host for this demo: checks and loads may reach it now. */
export function allowLinkHost(): void {
  const { linkHost } = useApp.getState();
  if (linkHost && !linkHost.allowed) useApp.setState({ linkHost: { ...linkHost, allowed: true } });
}

/** Ends the linked demo's host: back to the user's own host and revision. */
export function leaveLinkHost(): void {
  const { linkHost } = useApp.getState();
  if (linkHost) useApp.setState({ host: linkHost.own.host, revision: linkHost.own.revision, linkHost: undefined });
}

/** Leaving the demo's task leaves its host too (called once at start-up). */
export function watchLinkHost(onLeave: () => void): () => void {
  return useApp.subscribe((s) => {
    if (s.linkHost && s.task !== s.linkHost.task) {
      leaveLinkHost();
      onLeave();
    }
  });
}

export function hostNotAllowed(host: string): HostNotAllowedError {
  const name = new URL(host).host;
  return new HostNotAllowedError(
    `This demo fetches its model from ${name}, which you have not allowed: nothing was sent to it.`,
    `Allow ${name} for this demo (in the notice above, or next to “demo host” at the top), or choose “Use my host” to go back to your own.`,
  );
}
