/**
 * A bar filled to `percent` (0–100). The fill is scaled, not sized: its transition then runs on the compositor,
 * with no layout or paint on the page's main thread for each frame of it (a load's bar moves while the model's
 * threads take every core). `minFill` (percent) keeps a sliver visible for a tiny value; the bar still says its value.
 */
export function ProgressBar({ percent, label, minFill = 0 }: { percent: number; label: string; minFill?: number }) {
  const clamped = Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 0));
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clamped)}>
      <span style={{ transform: `scaleX(${Math.max(clamped, minFill) / 100})` }} />
    </div>
  );
}
