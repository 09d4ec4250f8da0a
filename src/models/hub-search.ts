// Live model search against the host's `/api/models` (the Hugging Face Hub, or a mirror that answers it,
// such as scripts/model-mirror.mjs).

export interface HubModel {
  id: string;
  downloads: number;
  likes: number;
  pipelineTag?: string;
  lastModified?: string;
}

export interface SearchQuery {
  search: string;
  /** The Transformers.js pipeline; the Hub's `pipeline_tag` filter. */
  pipeline?: string;
  limit?: number;
}

/** The Hub's search URL: models with Transformers.js (ONNX) weights, most downloaded first. */
export function searchUrl(host: string, query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.search.trim()) params.set('search', query.search.trim());
  if (query.pipeline) params.set('pipeline_tag', query.pipeline);
  params.set('library', 'transformers.js');
  params.set('sort', 'downloads');
  params.set('direction', '-1');
  params.set('limit', String(query.limit ?? 30));
  return `${host}api/models?${params}`;
}

function toModel(raw: unknown): HubModel | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const item = raw as Record<string, unknown>;
  const id = typeof item.id === 'string' ? item.id : typeof item.modelId === 'string' ? item.modelId : undefined;
  if (!id) return undefined;
  return {
    id,
    downloads: typeof item.downloads === 'number' ? item.downloads : 0,
    likes: typeof item.likes === 'number' ? item.likes : 0,
    pipelineTag: typeof item.pipeline_tag === 'string' ? item.pipeline_tag : undefined,
    lastModified: typeof item.lastModified === 'string' ? item.lastModified : undefined,
  };
}

export class SearchError extends Error {
  override name = 'SearchError';
}

export async function searchModels(host: string, query: SearchQuery, signal?: AbortSignal): Promise<HubModel[]> {
  let response: Response;
  try {
    response = await fetch(searchUrl(host, query), { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new SearchError(`Could not reach ${new URL(host).host} to search. You can still type a full model id, or use the catalog.`);
  }
  if (!response.ok) throw new SearchError(`${new URL(host).host} does not answer model searches (HTTP ${response.status}). Type a full model id instead.`);
  const body = (await response.json().catch((error: unknown) => {
    // A search aborted by the next keystroke may stop during the body read: that is an abort, not a bad answer.
    if (signal?.aborted || (error as Error)?.name === 'AbortError') throw error;
    return undefined;
  })) as unknown;
  if (!Array.isArray(body)) throw new SearchError(`${new URL(host).host} answered the search with something that is not a model list.`);
  return body.map(toModel).filter((m): m is HubModel => Boolean(m));
}

/** 1234567 → "1.2M". */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
