// A shared link never starts a large download by itself: the Run it offers says how much it
// fetches, and asks first when that is more than a few MB and the model is not cached yet.
import { MODEL_CACHE_NAME, cachePrefix } from '../cache/cache-url';
import type { ModelPlan } from '../protocol/messages';
import type { PlanReport } from '../store/models-slice';
import { findTask } from '../tasks/registry';
import { HUB_HOST } from '../store/settings-slice';

/** Models at or under this size (MB) run from a link without a question. */
export const SMALL_MB = 10;

export interface DownloadCost {
  cached: boolean;
  sizeMB?: number;
  /** True when Run should ask before downloading. */
  ask: boolean;
}

export async function modelIsCached(host: string, model: string, revision: string): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  try {
    const cache = await caches.open(MODEL_CACHE_NAME);
    const prefix = cachePrefix(host, model, revision);
    return (await cache.keys()).some((request) => request.url.startsWith(prefix) && request.url.endsWith('.onnx'));
  } catch {
    return false;
  }
}

export function catalogSizeMB(task: string, model: string): number | undefined {
  return findTask(task)?.meta.models.find((entry) => entry.id === model)?.sizeMB;
}

export async function downloadCost(spec: { task: string; model: string; host: string; revision: string }): Promise<DownloadCost> {
  const cached = await modelIsCached(spec.host, spec.model, spec.revision);
  // Catalog sizes describe the Hub's files (or a task's bundled ones): another host may serve anything under that name.
  const trusted = spec.host === HUB_HOST || findTask(spec.task)?.meta.ownLoader;
  const sizeMB = trusted ? catalogSizeMB(spec.task, spec.model) : undefined;
  return { cached, sizeMB, ask: !cached && (sizeMB === undefined || sizeMB > SMALL_MB) };
}

/** What the model check found: the real bytes still to download (0 when all is cached). */
export function costFromPlan(plan: ModelPlan): DownloadCost {
  const sizeMB = plan.downloadBytes / 1e6;
  return { cached: plan.downloadBytes === 0, sizeMB, ask: sizeMB > SMALL_MB };
}

/**
 * The cost of running a link, from the model check when it is done; undefined while it runs (the offer
 * waits rather than saying "size unknown"). A failed check falls back to the catalog (or unknown: ask).
 */
export function costFromReport(report: PlanReport | undefined, key: string): DownloadCost | 'catalog' | undefined {
  if (report?.key !== key || report.status === 'checking') return undefined;
  return report.status === 'ready' && report.plan ? costFromPlan(report.plan) : 'catalog';
}

export function costLabel(cost: DownloadCost | undefined): string {
  if (!cost) return 'Run (checking the download size…)';
  if (cost.cached) return 'Run (model is cached)';
  return cost.sizeMB === undefined ? 'Run (downloads the model, size unknown)' : `Run (downloads ~${formatMB(cost.sizeMB)})`;
}

export function formatMB(mb: number): string {
  return mb < 10 ? `${mb.toFixed(1)} MB` : `${Math.round(mb)} MB`;
}
