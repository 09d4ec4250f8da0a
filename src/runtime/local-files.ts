import type { LocalFile } from '../protocol/messages';
import { parseLocalUrl } from '../models/local-ref';

// Model folders picked from disk, held as File handles: reading one streams from the user's disk,
// and nothing is copied or uploaded. Requests for the local host are answered from here.
const folders = new Map<string, Map<string, File>>();

export function registerLocalFolder(name: string, files: LocalFile[]): number {
  folders.set(name, new Map(files.map((entry) => [entry.path, entry.file])));
  return files.length;
}

function hubError(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Error-Code': code },
  });
}

function rangeOf(header: string | null, size: number): { start: number; end: number } | 'bad' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || end < start ? 'bad' : { start, end };
}

function headerOf(init: RequestInit | undefined, name: string): string | null {
  return init?.headers ? new Headers(init.headers).get(name) : null;
}

/** Answers a request for a file of a registered folder the way the Hub would (200, 206, 404, 416). */
export function localResponse(url: string, init?: RequestInit): Response | undefined {
  const target = parseLocalUrl(url);
  if (!target) return undefined;
  const folder = folders.get(target.name);
  if (!folder) return hubError(404, 'RepositoryNotFound', `The folder "${target.name}" is not open any more`);
  const file = folder.get(target.path);
  if (!file) return hubError(404, 'EntryNotFound', `${target.path} is not in the folder "${target.name}"`);
  const type = target.path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
  const range = rangeOf(headerOf(init, 'Range'), file.size);
  if (range === 'bad') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${file.size}` } });
  if (range) {
    return new Response(file.slice(range.start, range.end + 1), {
      status: 206,
      headers: {
        'Content-Type': type,
        'Content-Length': String(range.end - range.start + 1),
        'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`,
      },
    });
  }
  return new Response(file, { status: 200, headers: { 'Content-Type': type, 'Content-Length': String(file.size) } });
}

type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Wraps a fetch so requests for local folders never reach the network. */
export function withLocalFiles(inner: Fetch): Fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input.href;
    const local = localResponse(url, init);
    return local ? Promise.resolve(local) : inner(input, init);
  };
}
