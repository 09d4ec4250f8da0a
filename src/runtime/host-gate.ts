/**
 * Lets work for one key (a model host) run concurrently, and makes work for another key wait until all of it
 * has finished. Waiters for the same key are admitted together, in arrival order of keys.
 */
export class HostGate {
  private current: string | undefined;
  private active = 0;
  private queue: { key: string; admit: () => void }[] = [];

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.active > 0 && (this.current !== key || this.queue.length > 0)) {
      await new Promise<void>((admit) => this.queue.push({ key, admit }));
    } else {
      this.current = key;
      this.active++;
    }
    try {
      return await work();
    } finally {
      this.active--;
      if (this.active === 0) this.admitNext();
    }
  }

  private admitNext(): void {
    const next = this.queue[0];
    if (!next) {
      this.current = undefined;
      return;
    }
    this.current = next.key;
    const admitted = this.queue.filter((entry) => entry.key === next.key);
    this.queue = this.queue.filter((entry) => entry.key !== next.key);
    this.active += admitted.length;
    for (const entry of admitted) entry.admit();
  }
}
