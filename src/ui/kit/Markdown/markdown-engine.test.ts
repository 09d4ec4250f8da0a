// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderBlocks, StreamingRenderer } from './markdown-engine';

/** The rendered blocks as a DOM, to assert on structure rather than on HTML strings. */
function dom(source: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = renderBlocks(source).map((block) => block.html).join('');
  return root;
}

describe('Markdown engine', () => {
  it('renders GFM tables, inside a scroll wrapper', () => {
    const root = dom('| Model | Size |\n|:--|--:|\n| tiny | 260K |\n| small | 33M |');
    expect([...root.querySelectorAll('.table-wrap > table th')].map((th) => th.textContent)).toEqual(['Model', 'Size']);
    expect([...root.querySelectorAll('tbody tr')].map((tr) => tr.textContent?.trim())).toEqual(['tiny\n260K', 'small\n33M']);
  });

  it('renders nested lists', () => {
    const root = dom('1. fruit\n   - apple\n     - green\n   - pear\n2. bread');
    expect(root.querySelector('ol > li > ul > li > ul > li')?.textContent).toBe('green');
    expect(root.querySelectorAll('ol > li')).toHaveLength(2);
  });

  it('highlights fenced code with a language and adds a labelled Copy button', () => {
    const root = dom('```python\ndef greet(name):\n    return f"hi {name}"\n```');
    const code = root.querySelector('.code-block pre code');
    expect(code?.className).toBe('hljs language-python');
    expect(code?.querySelector('.hljs-keyword')?.textContent).toBe('def');
    expect(code?.textContent).toBe('def greet(name):\n    return f"hi {name}"\n');
    expect(root.querySelector('.code-block button.code-copy')?.getAttribute('aria-label')).toBe('Copy code');
    expect(root.querySelector('.code-lang')?.textContent).toBe('python');
  });

  it('shows code in an unknown language as escaped text', () => {
    const root = dom('```brainfuck\n<b>++</b>\n```');
    expect(root.querySelector('pre code')?.textContent).toBe('<b>++</b>\n');
    expect(root.querySelector('pre code b, pre code span')).toBeNull();
  });

  it('renders inline, display and fenced math with KaTeX', () => {
    const root = dom('Energy $E = mc^2$ here.\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$\n\n```math\n\\sqrt{2}\n```');
    const inline = root.querySelector('p > .katex');
    expect(inline?.querySelector('annotation')?.textContent).toBe('E = mc^2');
    expect(root.querySelectorAll('.katex-display')).toHaveLength(2);
    expect(root.querySelector('.katex-display .mfrac')).not.toBeNull();
  });

  it('keeps raw HTML inert: shown as text, never as elements', () => {
    const hostile = [
      '<script>window.pwned = 1</script>',
      '<img src=x onerror="window.pwned = 2">',
      '<iframe srcdoc="<script>alert(3)</script>"></iframe>',
      '<a href="javascript:alert(3)">html link</a>',
      '[md link](javascript:alert(4)) [data](data:text/html,<script>alert(5)</script>) [rel](/settings)',
      '<javascript:alert(6)> ![pixel](https://evil.example/track.png?q=secret)',
      '$\\href{javascript:alert(7)}{x}$',
    ].join('\n\n');
    const root = dom(hostile);
    expect(root.querySelectorAll('script, img, iframe, object, embed, style')).toHaveLength(0);
    for (const element of root.querySelectorAll('*')) {
      expect([...element.attributes].filter((a) => a.name.startsWith('on'))).toEqual([]);
    }
    const hrefs = [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://evil.example/track.png?q=secret']);
    expect(root.textContent).toContain('<script>window.pwned = 1</script>');
    expect(root.textContent).toContain('<img src=x onerror="window.pwned = 2">');
    expect(root.textContent).toContain('[md link](javascript:alert(4))');
  });

  it('opens web and mail links in a new tab without an opener or referrer', () => {
    const links = [...dom('See https://example.com, [docs](https://docs.example/x) or [mail](mailto:a@b.example).').querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com', 'https://docs.example/x', 'mailto:a@b.example']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('renders an unterminated fence (mid-stream) as code up to the end', () => {
    const root = dom('Here:\n\n```js\nconst a = [1, 2');
    expect(root.querySelector('pre code.language-js')?.textContent).toBe('const a = [1, 2');
    expect(root.querySelector('p')?.textContent).toBe('Here:');
  });

  it('renders unterminated math without throwing', () => {
    expect(dom('$$\n\\frac{a}{').querySelector('.katex-error')).not.toBeNull();
    expect(dom('so $x^').textContent).toBe('so $x^');
  });

  it('renders 100,000 `[` as text, in linear time', () => {
    const time = (n: number) => {
      const start = performance.now();
      const root = dom('['.repeat(n));
      expect(root.textContent?.length).toBe(n);
      return performance.now() - start;
    };
    time(1_000);
    const small = Math.min(time(10_000), time(10_000));
    const large = time(100_000);
    // Linear work grows ~10× here; the old parser's quadratic scan grew ~100× (13.6 s at 100,000).
    expect(large / small).toBeLessThan(40);
  }, 60_000);
});

describe('StreamingRenderer', () => {
  const reply = '# Plan\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n  - two\n\n```ts\nconst x: number = 1;\n```\n\nSo $a^2$.';

  it('ends with the same blocks as rendering the whole reply at once', () => {
    const renderer = new StreamingRenderer();
    for (let end = 1; end < reply.length; end += 7) renderer.update(reply.slice(0, end));
    expect(renderer.update(reply)).toEqual(renderBlocks(reply));
  }, 60_000);

  it('re-renders only the last block when text is appended', () => {
    const renderer = new StreamingRenderer();
    const before = renderer.update(reply);
    const after = renderer.update(`${reply} More text`);
    expect(after.slice(0, -1).every((block, i) => block === before[i])).toBe(true);
    expect(after.at(-1)?.html).toContain('More text');
  });

  it('starts over when the text is not an append', () => {
    const renderer = new StreamingRenderer();
    renderer.update(reply);
    expect(renderer.update('Other')).toEqual(renderBlocks('Other'));
  });
});
