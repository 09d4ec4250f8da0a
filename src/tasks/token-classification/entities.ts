import { fold, findIn, type Span } from '../shared/text-locate';

/** One token as the token-classification pipeline returns it (words, not character offsets). */
export interface TokenPrediction {
  entity: string;
  score: number;
  index?: number;
  word: string;
}

export interface Entity {
  type: string;
  /** Mean score of the tokens in the span. */
  score: number;
  /** The span as written in the input when it was located, else the model's words. */
  text: string;
  start?: number;
  end?: number;
}

export interface Segment {
  text: string;
  entity?: Entity;
}

const SUBWORD = '##';

/** "B-PER" → ["B", "PER"]; a label without a BIOES prefix is its own type. */
export function splitTag(label: string): [prefix: string, type: string] {
  const match = /^([BIES])[-_](.+)$/.exec(label);
  return match ? [match[1], match[2]] : ['I', label];
}

/** The entity types a model knows, from its id2label (without "O"), in label order. */
export function entityTypes(id2label: Record<string, string> | undefined): string[] {
  const types = Object.values(id2label ?? {}).filter((label) => label !== 'O').map((label) => splitTag(label)[1]);
  return [...new Set(types)];
}

/** Finds each token's characters in the text, in order; a token that cannot be found stays undefined. */
export function locateTokens(text: string, tokens: TokenPrediction[]): (Span | undefined)[] {
  const haystack = fold(text);
  let cursor = 0;
  return tokens.map(({ word }) => {
    const subword = word.startsWith(SUBWORD) && word.length > SUBWORD.length;
    const needle = subword ? word.slice(SUBWORD.length) : word;
    const span = findIn(haystack, needle, { from: cursor, wordStart: !subword }) ?? findIn(haystack, needle, { from: cursor });
    if (span) cursor = span.end;
    return span;
  });
}

interface Group {
  type: string;
  members: number[];
}

function continues(group: Group | undefined, open: boolean, token: TokenPrediction, previous: TokenPrediction | undefined): boolean {
  if (!group || !open || !previous) return false;
  const [prefix, type] = splitTag(token.entity);
  const adjacent = token.index === undefined || previous.index === undefined || token.index === previous.index + 1;
  const subword = token.word.startsWith(SUBWORD);
  return type === group.type && adjacent && (prefix === 'I' || prefix === 'E' || subword);
}

/** Groups consecutive B-/I- tokens of one type into entity spans (like the "simple" aggregation). */
export function groupTokens(tokens: TokenPrediction[]): Group[] {
  const groups: Group[] = [];
  let open = false;
  tokens.forEach((token, i) => {
    const [prefix, type] = splitTag(token.entity);
    const current = groups[groups.length - 1];
    if (continues(current, open, token, tokens[i - 1])) current.members.push(i);
    else groups.push({ type, members: [i] });
    open = prefix !== 'E' && prefix !== 'S';
  });
  return groups;
}

function joinWords(words: string[]): string {
  return words.reduce((text, word) => (word.startsWith(SUBWORD) ? text + word.slice(SUBWORD.length) : text ? `${text} ${word}` : word), '');
}

/** Entity spans with character offsets into `text` where the words could be found there. */
export function toEntities(text: string, tokens: TokenPrediction[]): Entity[] {
  const spans = locateTokens(text, tokens);
  return groupTokens(tokens).map(({ type, members }) => {
    const score = members.reduce((sum, i) => sum + tokens[i].score, 0) / members.length;
    const located = members.map((i) => spans[i]).filter((span): span is Span => span !== undefined);
    if (located.length === 0) return { type, score, text: joinWords(members.map((i) => tokens[i].word)) };
    const start = located[0].start;
    const end = located[located.length - 1].end;
    return { type, score, text: text.slice(start, end), start, end };
  });
}

/** The text cut into plain runs and entity runs, for rendering; entities without offsets are left out. */
export function segmentText(text: string, entities: Entity[]): Segment[] {
  const placed = entities
    .filter((e): e is Entity & Span => e.start !== undefined && e.end !== undefined)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const entity of placed) {
    if (entity.start < cursor) continue; // overlapping: keep the first
    if (entity.start > cursor) segments.push({ text: text.slice(cursor, entity.start) });
    segments.push({ text: text.slice(entity.start, entity.end), entity });
    cursor = entity.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}
