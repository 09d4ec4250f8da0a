// The Markdown pipeline, loaded on demand with the chat (see Markdown.tsx): markdown-it with raw HTML off,
// GFM tables and strikethrough, linkify, highlight.js for code and KaTeX for math, each top-level block
// rendered to sanitized HTML on its own so a streaming reply only re-renders its last block.
import MarkdownIt from 'markdown-it';
import type { Env, Token } from 'markdown-it';
import katexModule from '@vscode/markdown-it-katex';
import 'katex/dist/katex.min.css';
import './markdown.css';
import { highlightCode, knownLanguage } from './highlight';
import { SAFE_HREF, sanitize, sanitizeElements } from './sanitize';

// The plugin is CommonJS with `exports.default`: Node hands a default import the function, the production
// bundle hands it the exports object, so take whichever is the function.
const katexPlugin: typeof katexModule =
  typeof katexModule === 'function' ? katexModule : (katexModule as unknown as { default: typeof katexModule }).default;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
md.validateLink = (url) => SAFE_HREF.test(url.trim());
const escapeHtml = md.utils.escapeHtml;

md.renderer.rules.fence = (tokens, idx) => {
  const token = tokens[idx];
  const language = knownLanguage(token.info);
  const label = token.info.trim().split(/\s+/)[0] ?? '';
  const body = highlightCode(token.content, token.info) ?? escapeHtml(token.content);
  const codeClass = language ? ` class="hljs language-${escapeHtml(language)}"` : '';
  return (
    '<div class="code-block"><div class="code-head">' +
    `<span class="code-lang">${escapeHtml(label)}</span>` +
    '<button type="button" class="code-copy" aria-label="Copy code">Copy</button>' +
    `</div><pre><code${codeClass}>${body}</code></pre></div>\n`
  );
};
// Wide tables scroll inside the bubble instead of stretching the page on a phone.
md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';
// An image in a reply becomes a link to it: loading it would send a request the user did not ask for.
md.renderer.rules.image = (tokens, idx) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const text = escapeHtml(token.content || src);
  return SAFE_HREF.test(src) ? `<a href="${escapeHtml(src)}">${text}</a>` : text;
};
// Registered after the fence rule above, which it wraps to render ```math blocks.
md.use(katexPlugin, { enableFencedBlocks: true, throwOnError: false, trust: false, maxSize: 50, maxExpand: 1000, strict: 'ignore' } as Parameters<typeof katexPlugin>[1]);

export interface RenderedBlock {
  html: string;
  /** First source line of the block (0-based), where a streaming update starts parsing again. */
  line: number;
}

/** Splits markdown-it's flat token list into top-level blocks (a paragraph, a whole list, a table, a fence...). */
function topLevelBlocks(tokens: Token[]): Token[][] {
  const blocks: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    if (token.level === 0 && token.nesting !== 1) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

function renderFrom(lines: string[], firstLine: number, env: Env): RenderedBlock[] {
  const blocks = topLevelBlocks(md.parse(lines.slice(firstLine).join('\n'), env));
  const html = blocks.map((block) => md.renderer.render(block, md.options, env));
  const elements = sanitizeElements(html.join(''));
  // One element per block is markdown-it's rule; should a block ever render to more, keep them as one
  // block (still correct, only less incremental while streaming).
  if (elements.length !== blocks.length) return [{ html: sanitize(html.join('')), line: firstLine }];
  return elements.map((element, i) => ({ html: element, line: firstLine + (blocks[i][0].map?.[0] ?? 0) }));
}

function normalize(source: string): string {
  return source.replace(/\r\n?/g, '\n');
}

/** The whole text as sanitized HTML, one string per top-level block. */
export function renderBlocks(source: string): RenderedBlock[] {
  return renderFrom(normalize(source).split('\n'), 0, {});
}

/**
 * Renders a reply that grows at its end. Appending text can only change the last block (every earlier one is
 * closed by the block after it), so each update parses from the last block's first line: the cost per frame is
 * the size of that block, not of the whole reply. Anything but an append starts over.
 */
export class StreamingRenderer {
  private source = '';
  private blocks: RenderedBlock[] = [];
  private env: Env = {};

  update(next: string): RenderedBlock[] {
    const text = normalize(next);
    if (!text.startsWith(this.source) || this.blocks.length === 0) {
      this.env = {};
      this.blocks = renderFrom(text.split('\n'), 0, this.env);
    } else if (text !== this.source) {
      const kept = this.blocks.slice(0, -1);
      const from = this.blocks[this.blocks.length - 1].line;
      this.blocks = [...kept, ...renderFrom(text.split('\n'), from, this.env)];
    }
    this.source = text;
    return this.blocks;
  }
}
