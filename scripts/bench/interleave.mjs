// @ts-check
/**
 * The app's and the bare page's runs, interleaved: first run of each, then app, bare, bare, app, … On a shared
 * machine the load drifts over minutes, and two columns measured one after the other would each see a different
 * machine (the 3.7× `app / bare` once reported for PP-OCRv4 detection was that drift: interleaved it is 1.0×).
 * Both pages hold their model meanwhile; only one runs at a time.
 */
import { quantile, summarize } from './stats.mjs';

/**
 * @typedef {{ ms: number, ttftMs?: number, tokens?: number, sessionMs?: number, digest?: string }} PageRun
 * @typedef {{ cold: any, run(): Promise<PageRun>, finish(): Promise<{ cacheMs?: number } & Record<string, unknown>> }} OpenPage
 */

/**
 * @param {OpenPage} app @param {OpenPage} bare @param {{ promptTokens?: number }} c @param {number} runs timed runs after the first
 */
export async function runInterleaved(app, bare, c, runs) {
  const appFirst = await app.run();
  const bareFirst = await bare.run();
  /** @type {PageRun[]} */ const appRuns = [];
  /** @type {PageRun[]} */ const bareRuns = [];
  for (let i = 0; i < runs; i++) {
    // Alternating who goes first, so neither always runs right after the other's threads went idle.
    if (i % 2 === 0) {
      appRuns.push(await app.run());
      bareRuns.push(await bare.run());
    } else {
      bareRuns.push(await bare.run());
      appRuns.push(await app.run());
    }
  }
  const { cacheMs: appCache, ...appRest } = await app.finish();
  const { cacheMs: bareCache, ...bareRest } = await bare.finish();
  const sessionTimes = bareRuns.map((r) => r.sessionMs).filter((v) => v !== undefined);
  return {
    app: { ...summarize(c, app.cold, appCache, appFirst, appRuns), ...appRest },
    // sessionMs: of the bare page's median, the part inside session.run (pipeline cases; the rest is pre- and post-processing).
    bare: { ...summarize(c, bare.cold, bareCache, bareFirst, bareRuns), ...bareRest, digest: bareFirst.digest, sessionMs: quantile(sessionTimes, 0.5) },
  };
}
