import type { FileProgress } from '../protocol/messages';
import type { ProgressUpdate } from './types';

/** The subset of Transformers.js progress events this app reads. */
export type ProgressInfo =
  | { status: 'initiate' | 'download' | 'done'; file: string }
  | { status: 'progress'; file: string; loaded: number; total: number }
  | { status: 'progress_total'; loaded: number; total: number; files: Record<string, FileProgress> }
  | { status: 'ready' };

/**
 * Turns Transformers.js per-file events into phases: bytes per file and in total while
 * downloading, then "compile" once every file that was started has arrived.
 */
export class ProgressTracker {
  private pending = new Set<string>();
  private files: Record<string, FileProgress> = {};
  private loaded = 0;
  private total = 0;
  private emit: (update: ProgressUpdate) => void;

  constructor(emit: (update: ProgressUpdate) => void) {
    this.emit = emit;
  }

  handle(raw: unknown): void {
    const info = raw as ProgressInfo;
    switch (info.status) {
      case 'initiate':
        this.pending.add(info.file);
        break;
      case 'progress_total':
        this.files = info.files;
        this.loaded = info.loaded;
        this.total = info.total;
        this.send('download');
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

  private send(phase: ProgressUpdate['phase']): void {
    this.emit({ phase, loaded: this.loaded, total: this.total, files: this.files });
  }
}
