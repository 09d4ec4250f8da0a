import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('markdown subset', () => {
  it('parses emphasis, code and links', () => {
    expect(parseInline('a **b** *c* `d` [e](https://x.org)')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://x.org/', children: [{ kind: 'text', text: 'e' }] },
    ]);
  });
  it('keeps raw HTML as text and drops script links', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
    const scriptLink = parseInline('[click](javascript:alert(1))');
    expect(scriptLink.every((node) => node.kind === 'text')).toBe(true);
    expect(scriptLink.map((node) => (node.kind === 'text' ? node.text : '')).join('')).toBe('[click](javascript:alert(1))');
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
  });
  it('parses blocks: headings, lists, code fences, quotes, paragraphs', () => {
    const blocks = parseMarkdown('# Title\n\nSome text\nmore\n\n- one\n- two\n\n1. first\n2. second\n\n```js\nlet a = "<b>";\n```\n> quoted');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'code', 'quote']);
    expect(blocks[4]).toEqual({ kind: 'code', lang: 'js', text: 'let a = "<b>";' });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true });
  });
});
