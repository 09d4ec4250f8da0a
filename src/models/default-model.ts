// Which model a task opens on. On the Hub it is the curated default; any other host (a mirror, a
// company server) may have none of the curated models, so the default is the first curated model the
// host has, else the host's most downloaded model for the task, else nothing (and the model bar says
// what to do). A model the user or a share link chose is never replaced: only the untouched default
// follows the host.
import type { TaskMeta } from '../tasks/types';
import { searchModels } from './hub-search';

export type HostDefault =
  | { status: 'checking' }
  /** `hostModels`: the host's models for the task (curated ones it has first), for the suggestions. */
  | { status: 'found'; model: string; hostModels: string[] }
  /** `searchError`: why the host's own list could not be read (a static host answers no search). */
  | { status: 'none'; searchError?: string };

/** How a host is asked what it has; the real one uses HTTP, tests pass a fake. */
export interface HostProbe {
  /** True when the host serves this model (its config.json). */
  has(model: string): Promise<boolean>;
  /** The host's models with this pipeline tag that Transformers.js can run, most downloaded first. */
  search(tag: string): Promise<string[]>;
}

/** Hub pipeline tags to search for a task's models, best first. */
export function hostTagsFor(meta: TaskMeta): string[] {
  return meta.hostTags ?? [meta.pipeline ?? meta.id];
}

/** True when the task's default never depends on the host: it brings its own model (bundled OCR, a dropped file). */
export function hasFixedDefault(meta: TaskMeta): boolean {
  return Boolean(meta.ownLoader);
}

async function searchTags(tags: string[], probe: HostProbe): Promise<{ ids: string[]; error?: string }> {
  const ids: string[] = [];
  let error: string | undefined;
  for (const tag of tags) {
    try {
      ids.push(...(await probe.search(tag)));
    } catch (failure) {
      error ??= (failure as Error).message;
    }
  }
  return { ids, error };
}

/** Asks the host which of the task's models it has and picks the default (see the top of this file). */
export async function resolveHostDefault(meta: TaskMeta, probe: HostProbe): Promise<Exclude<HostDefault, { status: 'checking' }>> {
  const curated = meta.models.map((entry) => entry.id);
  const searched = await searchTags(hostTagsFor(meta), probe);
  // A host that answers the search lists the curated models it has among its results; only a host that does not
  // (a static file host) is asked model by model, since each model it lacks costs a 404 in the console.
  const present = searched.error
    ? await Promise.all(curated.map((id) => probe.has(id).catch(() => false)))
    : curated.map((id) => searched.ids.includes(id));
  const curatedOnHost = curated.filter((_, index) => present[index]);
  const hostModels = [...new Set([...curatedOnHost, ...searched.ids])];
  const model = hostModels[0];
  if (model) return { status: 'found', model, hostModels };
  return searched.error ? { status: 'none', searchError: searched.error } : { status: 'none' };
}

/** The probe for a real host: a HEAD of each model's config.json, and the host's `/api/models` search. */
export function httpProbe(host: string, revision: string, signal?: AbortSignal): HostProbe {
  return {
    has: async (model) => {
      const url = `${host}${model}/resolve/${encodeURIComponent(revision)}/config.json`;
      const response = await fetch(url, { method: 'HEAD', signal });
      return response.ok;
    },
    search: async (tag) => (await searchModels(host, { search: '', pipeline: tag, limit: 20 }, signal)).map((m) => m.id),
  };
}

/** The empty state: what to put where when a host has no model for a task. */
export function noModelMessage(meta: TaskMeta, host: string): { message: string; hint: string } {
  const tags = hostTagsFor(meta).join(' or ');
  return {
    message: `${new URL(host).host} has no model for ${meta.label}: none tagged ${tags}.`,
    hint:
      'On a mirror, put a folder in the Hub layout (<org>/<name>/config.json and onnx/*.onnx) under its MODELS_DIR; ' +
      'or pick Browse models → Local folder, or type a model id the host has.',
  };
}
