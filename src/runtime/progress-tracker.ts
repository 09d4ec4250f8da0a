import type { FileProgress } from '../protocol/messages';
import type { ProgressUpdate } from './types';

/** The subset of Transformers.js progress events this app reads. */
export type ProgressInfo =
  | { status: 'initiate' | 'download' | 'done'; file: string }
  | { status: 'progress'; file: string; loaded: number; total: number }
  | { status: 'progress_total'; loaded: number; total: number; files: Record<string, FileProgress> }
  | { status: 'ready' };

/**
 * Download updates are sent at most this often. Transformers.js reports every chunk it reads (about a thousand for a
 * 538 MB model), and each update is a message to the page, which draws it: on a machine whose
 * cores the download, its cache write and the page share, that was work taken from the load itself.
 */
export const PROGRESS_GAP_MS = 100;

/**
 * Turns Transformers.js per-file events into phases: bytes per file and in total while
 * downloading (at most one update per `gapMs`, the latest figures always sent), then "compile" once every file
 * that was started has arrived.
 */
export class ProgressTracker {
  private pending = new Set<string>();
  private files: Record<string, FileProgress> = {};
  private loaded = 0;
  private total = 0;
  private emit: (update: ProgressUpdate) => void;
  private gapMs: number;
  private now: () => number;
  private lastSent = -Infinity;
  /** A download update held back by the gap, sent when it has passed (with the figures of then). */
  private held: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(emit: (update: ProgressUpdate) => void, options: { gapMs?: number; now?: () => number } = {}) {
    this.emit = emit;
    this.gapMs = options.gapMs ?? PROGRESS_GAP_MS;
    this.now = options.now ?? (() => performance.now());
  }

  handle(raw: unknown): void {
    // A load that ended can still hear from its files' reads (an attempt given up for another device): not sent.
    if (this.stopped) return;
    const info = raw as ProgressInfo;
    switch (info.status) {
      case 'initiate':
        this.pending.add(info.file);
        break;
      case 'progress_total':
        this.files = info.files;
        this.loaded = info.loaded;
        this.total = info.total;
        this.download();
        break;
      case 'done':
        this.pending.delete(info.file);
        if (this.pending.size === 0) this.send('compile');
        break;
      default:
        break;
    }
  }

  totalBytes(): number {
    return this.total;
  }

  /**
   * No update is sent after this (a load that ended). `flush`: an update still held back is sent first, so a load
   * that succeeded shows its last figures (a missing optional file ends it with no "compile").
   */
  stop(flush = false): void {
    if (flush && this.held !== undefined) this.send('download');
    clearTimeout(this.held);
    this.held = undefined;
    this.stopped = true;
  }

  private download(): void {
    if (this.held !== undefined) return;
    const wait = this.lastSent + this.gapMs - this.now();
    if (wait <= 0) return this.send('download');
    this.held = setTimeout(() => {
      this.held = undefined;
      this.send('download');
    }, wait);
  }

  private send(phase: ProgressUpdate['phase']): void {
    clearTimeout(this.held);
    this.held = undefined;
    this.lastSent = this.now();
    this.emit({ phase, loaded: this.loaded, total: this.total, files: this.files });
  }
}
