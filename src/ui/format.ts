export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 B';
  const units = ['B', 'kB', 'MB', 'GB'];
  const exp = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1000)));
  const value = bytes / 1000 ** exp;
  return `${value >= 100 || exp === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[exp]}`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatPercent(score: number): string {
  return `${(score * 100).toFixed(score >= 0.995 || score < 0.0005 ? 0 : 1)}%`;
}

/**
 * A whole count with its thousands grouped ("1,638,400"), as `toLocaleString('en')` writes it, without Intl: the first
 * Intl call on a page loads ICU's data on the main thread (160 ms to 1.5 s measured here), which would land in the
 * run that first shows a count.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const grouped = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 && grouped !== '0' ? `-${grouped}` : grouped;
}
