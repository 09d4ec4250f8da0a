import { memo, useEffect, useMemo, useSyncExternalStore, type MouseEvent } from 'react';
import type { RenderedBlock } from './markdown-engine';

type Engine = typeof import('./markdown-engine');
type EngineState = { engine?: Engine; error?: Error };

// The pipeline (markdown-it, highlight.js, KaTeX and its CSS and fonts, DOMPurify) is its own 160 kB gzip chunk
// whose evaluation is one long task (~1.5 s on Lighthouse's throttled phone). It is fetched when the first reply
// is on its way (preloadMarkdown) or on screen, not when the chat opens: an empty chat needs none of it, and
// until it arrives a reply shows as plain text.
let state: EngineState = {};
let loading = false;
const listeners = new Set<() => void>();

/** Starts fetching the Markdown pipeline (once); a Markdown element re-renders when it arrives. */
export function preloadMarkdown(): void {
  if (loading) return;
  loading = true;
  void import('./markdown-engine').then(
    (engine) => (state = { engine }),
    (error: unknown) => (state = { error: error instanceof Error ? error : new Error(String(error)) }),
  ).finally(() => listeners.forEach((listener) => listener()));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function useEngine(): EngineState {
  useEffect(preloadMarkdown, []);
  return useSyncExternalStore(subscribe, () => state);
}

/** One top-level block; unchanged blocks keep their DOM (and any selection) while a reply streams in. */
const Block = memo(function Block({ html }: { html: string }) {
  // Sanitized by the engine: markdown-it with html:false, then DOMPurify (see sanitize.ts).
  return <div className="md-block" dangerouslySetInnerHTML={{ __html: html }} />;
});

function flash(button: Element, text: string) {
  button.textContent = text;
  button.setAttribute('aria-label', text === 'Copied' ? 'Copied' : 'Copy code');
  window.setTimeout(() => {
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code');
  }, 1500);
}

/** The code blocks' Copy buttons are plain HTML from the engine: one delegated handler serves them all. */
function copyCode(event: MouseEvent<HTMLDivElement>) {
  const button = (event.target as Element).closest('button.code-copy');
  const code = button?.closest('.code-block')?.querySelector('pre code')?.textContent;
  if (!button || code === undefined || code === null) return;
  if (!navigator.clipboard) return flash(button, 'Copy failed');
  navigator.clipboard.writeText(code).then(
    () => flash(button, 'Copied'),
    () => flash(button, 'Copy failed'),
  );
}

function Blocks({ blocks, streaming }: { blocks: RenderedBlock[]; streaming: boolean }) {
  return (
    <div className={`markdown md-rich${streaming ? ' md-streaming' : ''}`} onClick={copyCode}>
      {blocks.map((block, i) => <Block key={i} html={block.html} />)}
    </div>
  );
}

function FinishedMarkdown({ engine, source }: { engine: Engine; source: string }) {
  const blocks = useMemo(() => engine.renderBlocks(source), [engine, source]);
  return <Blocks blocks={blocks} streaming={false} />;
}

function StreamingMarkdown({ engine, source }: { engine: Engine; source: string }) {
  const renderer = useMemo(() => new engine.StreamingRenderer(), [engine]);
  const blocks = useMemo(() => renderer.update(source), [renderer, source]);
  return <Blocks blocks={blocks} streaming />;
}

/**
 * Model output as Markdown: GFM tables, nested lists, highlighted code with a Copy button, KaTeX math.
 * Raw HTML in the text is shown as text and never runs. `streaming` renders a growing reply block by block.
 */
export function Markdown({ source, streaming = false }: { source: string; streaming?: boolean }) {
  const { engine, error } = useEngine();
  if (engine) {
    return streaming ? <StreamingMarkdown engine={engine} source={source} /> : <FinishedMarkdown engine={engine} source={source} />;
  }
  return (
    <div className="markdown">
      <p className="md-plain" style={{ whiteSpace: 'pre-wrap' }}>{source}</p>
      {error && <p className="field-error" role="alert">Formatting could not be loaded ({error.message}); the reply is shown as plain text.</p>}
    </div>
  );
}
