import { afterEach, describe, expect, it, vi } from 'vitest';
import { compactCount, searchModels, searchUrl } from './hub-search';

describe('hub search', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('asks for Transformers.js models of the task, most downloaded first', () => {
    const url = new URL(searchUrl('https://huggingface.co/', { search: ' bert ', pipeline: 'fill-mask', limit: 5 }));
    expect(url.pathname).toBe('/api/models');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      search: 'bert',
      pipeline_tag: 'fill-mask',
      library: 'transformers.js',
      sort: 'downloads',
      direction: '-1',
      limit: '5',
    });
  });
  it('reads the Hub answer and skips malformed items', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify([{ id: 'a/b', downloads: 5, likes: 2, pipeline_tag: 'fill-mask' }, { nope: 1 }])));
    expect(await searchModels('http://m/', { search: '' })).toEqual([{ id: 'a/b', downloads: 5, likes: 2, pipelineTag: 'fill-mask', lastModified: undefined }]);
  });
  it('says clearly when the host cannot be reached or does not search', async () => {
    vi.stubGlobal('fetch', async () => { throw new TypeError('Failed to fetch'); });
    await expect(searchModels('http://m.example/', { search: 'x' })).rejects.toThrow('Could not reach m.example');
    vi.stubGlobal('fetch', async () => new Response('no', { status: 404 }));
    await expect(searchModels('http://m.example/', { search: 'x' })).rejects.toThrow('HTTP 404');
  });
  it('formats counts compactly', () => {
    expect([compactCount(999), compactCount(1234), compactCount(56_000), compactCount(2_500_000)]).toEqual(['999', '1.2k', '56k', '2.5M']);
  });

  it('an abort during the body read stays an abort, not "not a model list"', async () => {
    const controller = new AbortController();
    // A body that is cut off by the abort mid-read, as fetch does when the signal fires after the headers.
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('[{"id":"a/b"'));
        controller.signal.addEventListener('abort', () => stream.error(new DOMException('The operation was aborted.', 'AbortError')));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
    const search = searchModels('http://127.0.0.1:1/', { search: 'b' }, controller.signal);
    controller.abort();
    await expect(search).rejects.toMatchObject({ name: 'AbortError' });
  });
});
