import type { Expected } from './download-watch';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Per file path: the sha256 and size the host's model API gives for its LFS files. */
export type Listing = Map<string, Pick<Expected, 'sha256' | 'announced'>>;

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Reads the Hub's file metadata: tree entries (`/api/models/<id>/tree/<rev>`: `{ path, lfs: { oid, size } }`) or
 * siblings (`/api/models/<id>?blobs=true`: `{ rfilename, lfs: { sha256, size } }`). Only LFS files count: their
 * `lfs.oid` is the file's sha256, while a plain file's `oid` is a git sha1 that says nothing a download can check.
 */
export function parseListing(body: unknown): Listing {
  const entries = Array.isArray(body) ? body : Array.isArray((body as { siblings?: unknown } | null)?.siblings) ? (body as { siblings: unknown[] }).siblings : [];
  const listing: Listing = new Map();
  for (const entry of entries as { path?: unknown; rfilename?: unknown; lfs?: { oid?: unknown; sha256?: unknown; size?: unknown } }[]) {
    const file = typeof entry?.path === 'string' ? entry.path : entry?.rfilename;
    const sha256 = String(entry?.lfs?.oid ?? entry?.lfs?.sha256 ?? '').toLowerCase();
    if (typeof file !== 'string' || !SHA256.test(sha256)) continue;
    const size = entry.lfs?.size;
    listing.set(file, { sha256, announced: typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : undefined });
  }
  return listing;
}

/** The model API's URL for every file of a model version. */
export function listingUrl(host: string, model: string, revision: string): string {
  return `${host}api/models/${model}/tree/${encodeURIComponent(revision)}?recursive=true`;
}

/**
 * The model API's file list per model version, asked once and shared by the plan check and the load. A host that
 * has no such API (a static folder) or cannot be reached gives an empty list: the downloads' own headers remain.
 */
export class Listings {
  private known = new Map<string, Promise<Listing>>();
  constructor(private readonly fetcher: Fetch = (input, init) => fetch(input, init)) {}

  get(host: string, model: string, revision: string): Promise<Listing> {
    const url = listingUrl(host, model, revision);
    const known = this.known.get(url);
    if (known) return known;
    // A failed answer (offline, a network error) is asked again at the next load.
    const asked: Promise<Listing> = this.fetcher(url, { cache: 'no-store' })
      .then(async (response) => (response.ok ? parseListing(await response.json()) : new Map()))
      .catch((): Listing => {
        if (this.known.get(url) === asked) this.known.delete(url);
        return new Map();
      });
    this.known.set(url, asked);
    return asked;
  }

  /** Asks again next time (after a file failed its check: the model may have changed on the host). */
  drop(host: string, model: string, revision: string): void {
    this.known.delete(listingUrl(host, model, revision));
  }
}
