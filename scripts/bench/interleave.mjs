// @ts-check
/**
 * The app's, the bare page's and (decoders) the raw loop's runs, interleaved: first run of each, then app, bare,
 * raw, raw, bare, app, … (without raw: app, bare, bare, app, …). On a shared
 * machine the load drifts over minutes, and two columns measured one after the other would each see a different
 * machine (the 3.7× `app / bare` once reported for PP-OCRv4 detection was that drift: interleaved it is 1.0×).
 * Both pages hold their model meanwhile (the raw loop runs on the bare page's); only one runs at a time.
 */
import { quantile, summarize } from './stats.mjs';

/**
 * @typedef {{ ms: number, ttftMs?: number, tokens?: number, sessionMs?: number, stepMs?: number, sameText?: boolean, digest?: string }} PageRun
 * @typedef {{ cold: any, run(): Promise<PageRun>, finish(): Promise<{ cacheMs?: number, reopened?: boolean } & Record<string, unknown>>, reload?(): Promise<{ ms?: number }>, close?(): Promise<void> }} OpenPage
 */

/**
 * The median of a per-run figure, where the runs report it.
 * @param {PageRun[]} runs @param {'sessionMs' | 'stepMs'} key
 */
const medianOf = (runs, key) => quantile(runs.map((r) => r[key]).filter((v) => v !== undefined), 0.5);

/**
 * Each page's first run, then the timed runs, each round in the pages' order and the next in the reverse order
 * (app, bare, raw; raw, bare, app; …), so that none always runs right after another's threads went idle.
 * @param {Record<string, OpenPage>} pages by column name (app, bare and, for a decoder, raw)
 * @param {{ promptTokens?: number }} c @param {number} runs timed runs after the first
 * @param {number} [returnRuns] timed runs on the returning visit of each page that reopened (default: `runs`)
 * @param {number} [cacheLoads] loads from the browser cache per page that reopened, the pages alternated: their
 *   median is the column's cache load (one load alone moved by 40-50 % between benches; README, Benchmark)
 * @returns {Promise<Record<string, any>>} each column's summary
 */
export async function runInterleaved(pages, c, runs, returnRuns = runs, cacheLoads = 1) {
  const names = Object.keys(pages);
  /** @type {Record<string, PageRun>} */ const first = {};
  /** @type {Record<string, PageRun[]>} */ const timed = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) first[name] = await pages[name].run();
  await alternate(names, runs, async (name) => timed[name].push(await pages[name].run()));
  /** @type {Record<string, { cacheMs?: number, reopened?: boolean } & Record<string, unknown>>} */ const finished = {};
  for (const name of names) finished[name] = await pages[name].finish();
  // The returning visit: each page reloaded and its model loaded from the browser cache (finish), V8's compiled
  // code then from its code cache, so these runs are free of the first visit's tier-up (README, A returning visit).
  const reopened = names.filter((name) => finished[name].reopened);
  /** @type {Record<string, number[]>} */
  const cached = Object.fromEntries(names.map((name) => [name, [finished[name].cacheMs].filter((ms) => ms !== undefined)]));
  /** @type {Record<string, PageRun[]>} */ const again = Object.fromEntries(reopened.map((name) => [name, []]));
  try {
    // Each further return reloads the page again: the returning visit's runs come after the last one.
    const reloading = reopened.filter((name) => pages[name].reload);
    await alternate(reloading, cacheLoads - 1, async (name) => {
      const { ms } = await /** @type {NonNullable<OpenPage['reload']>} */ (pages[name].reload)();
      if (ms !== undefined) cached[name].push(ms);
    });
    await alternate(reopened, returnRuns, async (name) => again[name].push(await pages[name].run()));
  } finally {
    for (const name of names) await pages[name].close?.();
  }
  /** @type {Record<string, any>} */
  const columns = {};
  for (const name of names) {
    const { cacheMs: _first, reopened: _, ...rest } = finished[name];
    const returning = again[name]?.length ? summarize(c, pages[name].cold, undefined, again[name][0], again[name]) : undefined;
    columns[name] = {
      ...summarize(c, pages[name].cold, quantile(cached[name], 0.5), first[name], timed[name]),
      ...(cached[name].length > 1 ? { cacheLoadsMs: cached[name] } : {}),
      ...rest,
      digest: first[name].digest,
      // Of the median run, the part inside session.run (the rest is pre- and post-processing); raw: one decode step.
      sessionMs: medianOf(timed[name], 'sessionMs'),
      stepMs: medianOf(timed[name], 'stepMs'),
      sameText: first[name].sameText,
      ...(returning ? { returnMedianMs: returning.medianMs, returnDecodeTps: returning.decodeTps, returnSessionMs: medianOf(again[name], 'sessionMs') } : {}),
    };
  }
  return columns;
}

/**
 * `rounds` rounds over the pages, each in the order of the one before reversed (a, b; b, a; …).
 * @param {string[]} names @param {number} rounds @param {(name: string) => Promise<unknown>} run
 */
async function alternate(names, rounds, run) {
  for (let i = 0; i < rounds; i++) {
    for (const name of i % 2 === 0 ? names : [...names].reverse()) await run(name);
  }
}
