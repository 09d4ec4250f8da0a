import type { StateCreator } from 'zustand';
import type { DeviceChoice } from '../protocol/messages';
import type { AppState } from './index';
import type { LinkHost } from './link-host';

export const HUB_HOST = 'https://huggingface.co/';

/** 'system' follows the browser's prefers-color-scheme; the others pin a theme. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const isThemeChoice = (value: unknown): value is ThemeChoice => THEME_CHOICES.includes(value as ThemeChoice);

export interface SettingsSlice {
  /** The host requests go to: the user's own, or a linked demo's (see link-host.ts). */
  host: string;
  revision: string;
  /** Set while a share link's host or revision is in use instead of the user's own (never saved). */
  linkHost?: LinkHost;
  device: DeviceChoice;
  /** Loads that would download more than this many MB ask first. */
  confirmAboveMB: number;
  theme: ThemeChoice;
  setTheme(theme: ThemeChoice): void;
  setHost(host: string): void;
  setConfirmAboveMB(mb: number): void;
  setRevision(revision: string): void;
  setDevice(device: DeviceChoice): void;
}

/** Normalises a model host URL (http or https, trailing slash); returns undefined when it is not one. */
export function normalizeHost(raw: string): string | undefined {
  try {
    const text = raw.trim();
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // A bare "?" or "#" leaves search/hash empty, so look at the text; credentials never go into a host setting.
    if (text.includes('?') || text.includes('#') || url.username || url.password) return undefined;
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return undefined;
  }
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  host: HUB_HOST,
  revision: 'main',
  device: 'auto',
  confirmAboveMB: 100,
  theme: 'system',
  setTheme: (theme) => set({ theme: isThemeChoice(theme) ? theme : 'system' }),
  setConfirmAboveMB: (mb) => set({ confirmAboveMB: Number.isFinite(mb) && mb >= 0 ? mb : 100 }),
  // The user's own choice: it ends a linked demo's host.
  setHost: (host) => set({ host: normalizeHost(host) ?? HUB_HOST, linkHost: undefined }),
  setRevision: (revision) => {
    const next = revision.trim() || 'main';
    const { linkHost } = get();
    set({ revision: next, ...(linkHost && { linkHost: { ...linkHost, revision: next, own: { ...linkHost.own, revision: next } } }) });
  },
  setDevice: (device) => set({ device }),
});
