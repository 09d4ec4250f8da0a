import { describe, expect, it } from 'vitest';
import { preloadDialogs } from './LazyDialog';

/** Just enough of a document for preloadFiles: a <meta> listing files, and a head that records what is added. */
function fakeDocument(files: string) {
  const added: { rel: string; as?: string; href: string }[] = [];
  const doc = {
    querySelector: (selector: string) => (selector === 'meta[name="idle-preload"]' ? { content: files } : null),
    createElement: () => ({ rel: '', as: undefined as string | undefined, href: '', crossOrigin: null as string | null }),
    head: { append: (link: { rel: string; as?: string; href: string }) => added.push({ rel: link.rel, as: link.as, href: link.href }) },
  };
  return { doc: doc as unknown as Document, added };
}

describe('preloadDialogs', () => {
  it('adds one listed file per idle period, scripts as modulepreloads and style sheets as style preloads', () => {
    const { doc, added } = fakeDocument(' /assets/A.js /assets/B.css\n/assets/C.js ');
    const queued: (() => void)[] = [];
    preloadDialogs(doc, (work) => queued.push(work));
    expect(added.map((l) => l.href)).toEqual(['/assets/A.js']);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(added[1]).toEqual({ rel: 'preload', as: 'style', href: '/assets/B.css' });
    queued.shift()!();
    expect(added.map((l) => `${l.rel} ${l.href}`)).toEqual(['modulepreload /assets/A.js', 'preload /assets/B.css', 'modulepreload /assets/C.js']);
    // Nothing left: no further idle period is asked for.
    expect(queued).toHaveLength(0);
  });
});
