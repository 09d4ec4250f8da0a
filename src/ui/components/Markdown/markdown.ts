// A small Markdown subset parsed into a tree that React renders as text nodes and known tags only.
// Model output never reaches innerHTML, so raw HTML in it shows as text and never executes.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; children: Inline[] };

const INLINE = /(\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/;

/** Only web links survive; `javascript:` and friends stay as plain text. */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (match.index > 0) out.push({ kind: 'text', text: rest.slice(0, match.index) });
    const [whole, , strong, em, code, linkText, href] = match;
    if (strong !== undefined) out.push({ kind: 'strong', children: parseInline(strong) });
    else if (em !== undefined) out.push({ kind: 'em', children: parseInline(em) });
    else if (code !== undefined) out.push({ kind: 'code', text: code });
    else {
      const safe = safeHref(href);
      out.push(safe ? { kind: 'link', href: safe, children: parseInline(linkText) } : { kind: 'text', text: whole });
    }
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

function takeList(lines: string[], start: number): { block: Block; next: number } {
  const ordered = Boolean(LIST_ITEM.exec(lines[start])?.[2]);
  const items: Inline[][] = [];
  let i = start;
  for (let m = LIST_ITEM.exec(lines[i] ?? ''); m && Boolean(m[2]) === ordered; m = LIST_ITEM.exec(lines[++i] ?? '')) {
    items.push(parseInline(m[3]));
  }
  return { block: { kind: 'list', ordered, items }, next: i };
}

function takeCode(lines: string[], start: number): { block: Block; next: number } {
  const lang = lines[start].trim().slice(3).trim();
  const body: string[] = [];
  let i = start + 1;
  while (i < lines.length && !lines[i].trim().startsWith('```')) body.push(lines[i++]);
  return { block: { kind: 'code', lang, text: body.join('\n') }, next: i + 1 };
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (line.trim().startsWith('```') || LIST_ITEM.test(line)) {
      flush();
      const { block, next } = line.trim().startsWith('```') ? takeCode(lines, i) : takeList(lines, i);
      blocks.push(block);
      i = next;
      continue;
    }
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, children: parseInline(heading[2]) });
    } else if (line.startsWith('>')) {
      flush();
      blocks.push({ kind: 'quote', children: parseInline(line.replace(/^>\s?/, '')) });
    } else if (line.trim() === '') flush();
    else paragraph.push(line);
    i += 1;
  }
  flush();
  return blocks;
}
