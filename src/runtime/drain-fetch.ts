type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

function hasRange(init: RequestInit | undefined): boolean {
  return Boolean(init?.headers && new Headers(init.headers).has('Range'));
}

function rebuilt(response: Response, body: ArrayBuffer | null): Response {
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Model files bypass the HTTP cache: they are kept in Cache Storage already (no need for a second copy),
 * and in Chromium a request can wait on another request's HTTP-cache entry for the same URL for about
 * 20 s (Transformers.js probes a file with `Range: bytes=0-0`, then downloads it, leaving the probe's
 * body unread). Small probe and error bodies are read at once; a server that ignores Range has its
 * full body cancelled.
 */
export function withDrainedProbes(inner: Fetch): Fetch {
  return async (input, init) => {
    const response = await inner(input, { ...init, cache: 'no-store' });
    const probe = hasRange(init);
    if (probe && response.status === 200) {
      await response.body?.cancel().catch(() => undefined);
      return rebuilt(response, null);
    }
    if (probe || !response.ok) return rebuilt(response, await response.arrayBuffer());
    return response;
  };
}
