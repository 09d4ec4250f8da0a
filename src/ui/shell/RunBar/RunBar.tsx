import { memo, useEffect } from 'react';
import { useRun } from '../hooks/useRun';
import { useApp } from '../../../store';
import { shownRun } from '../../../store/runs-slice';
import { useSession } from '../../../session/react';
import { formatMs } from '../../format';
import { warmFonts } from '../../font-warm';
import { afterFirstGesture } from '../../../client/when-idle';

// The stats' fonts, laid out before the first result shows them (font-warm.ts).
const STATS_FONTS = [['dl.run-stats', 'div', 'dt'], ['dl.run-stats', 'div', 'dd']];

export const RunStats = memo(function RunStats() {
  const run = useApp((s) => shownRun(s.run));
  const stats = run.stats;
  if (run.status !== 'done' || !stats) return null;
  return (
    <dl className="run-stats" data-testid="run-stats">
      <div>
        <dt>Latency</dt>
        <dd data-testid="latency" data-ms={stats.latencyMs.toFixed(2)}>{formatMs(stats.latencyMs)}</dd>
      </div>
      {stats.modelMs !== undefined && (
        <div title="Time inside onnxruntime's session.run; the rest of the latency is preparing the input and reading the output">
          <dt>In the model</dt>
          <dd data-testid="model-ms" data-ms={stats.modelMs.toFixed(2)}>{formatMs(stats.modelMs)}</dd>
        </div>
      )}
      {stats.ttftMs !== undefined && (
        <div>
          <dt>First token</dt>
          <dd data-testid="ttft" data-ms={stats.ttftMs.toFixed(2)}>{formatMs(stats.ttftMs)}</dd>
        </div>
      )}
      {stats.tokens !== undefined && (
        <div>
          <dt>Tokens</dt>
          <dd data-testid="tokens" data-value={stats.tokens}>{stats.tokens}</dd>
        </div>
      )}
      {stats.tokensPerSecond !== undefined && (
        <div>
          <dt>Speed</dt>
          <dd data-testid="tokens-per-second" data-value={stats.tokensPerSecond.toFixed(2)}>{stats.tokensPerSecond.toFixed(1)} tok/s</dd>
        </div>
      )}
    </dl>
  );
});

export const RunBar = memo(function RunBar({ label = 'Run' }: { label?: string }) {
  // Run turns into Stop once the run is shown as running (runs-slice.ts, shownRun); a Run pressed before that
  // joins the run in flight (session/run.ts).
  const running = useApp((s) => shownRun(s.run).status === 'running');
  const loading = useApp((s) => s.load.status === 'loading');
  const { stopRun } = useSession();
  const run = useRun();
  useEffect(() => afterFirstGesture(() => warmFonts(STATS_FONTS)), []);
  return (
    <div className="run-bar">
      {running ? (
        <button type="button" className="danger" onClick={stopRun} data-testid="stop-button">
          Stop
        </button>
      ) : (
        <button type="button" className="primary" onClick={run} disabled={loading} data-testid="run-button">
          {label}
        </button>
      )}
      <span className="muted small">Ctrl/⌘ + Enter</span>
    </div>
  );
});
