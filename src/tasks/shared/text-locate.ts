// Finding model output (words, answers) back in the text the user typed. Tokenizers lower-case, strip accents
// and re-space what they decode, so matching is done on a "folded" copy that remembers where each of its
// characters came from.

export interface Folded {
  original: string;
  /** Lower-cased, accent-free text (whitespace dropped when asked). */
  text: string;
  /** For each folded character: the index of the original character it came from, and that character's end. */
  starts: number[];
  ends: number[];
}

export interface Span {
  start: number;
  end: number;
}

export interface FoldOptions {
  /** Ignore whitespace entirely (decoded answers may gain or lose spaces around punctuation). */
  dropSpaces?: boolean;
}

const ALNUM = /[\p{L}\p{N}]/u;

function foldChar(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function fold(original: string, { dropSpaces = false }: FoldOptions = {}): Folded {
  const folded: Folded = { original, text: '', starts: [], ends: [] };
  let index = 0;
  for (const char of original) {
    const mapped = dropSpaces && /\s/u.test(char) ? '' : foldChar(char);
    for (let k = 0; k < mapped.length; k++) {
      folded.starts.push(index);
      folded.ends.push(index + char.length);
    }
    folded.text += mapped;
    index += char.length;
  }
  return folded;
}

export interface FindOptions extends FoldOptions {
  /** Original-text index to search from. */
  from?: number;
  /** Only accept a match that does not start in the middle of a word. */
  wordStart?: boolean;
}

function startsWord(haystack: Folded, at: number, needle: string): boolean {
  if (!ALNUM.test(needle[0])) return true;
  const before = haystack.starts[at] - 1;
  return before < 0 || !ALNUM.test(haystack.original[before]);
}

/** The original-text span of the first loose match of `needle` at or after `from`, if any. */
export function findIn(haystack: Folded, needle: string, { from = 0, wordStart = false, dropSpaces = false }: FindOptions = {}): Span | undefined {
  const wanted = fold(needle, { dropSpaces }).text;
  if (!wanted) return undefined;
  let at = haystack.starts.findIndex((start) => start >= from);
  while (at !== -1) {
    at = haystack.text.indexOf(wanted, at);
    if (at === -1) return undefined;
    if (!wordStart || startsWord(haystack, at, wanted)) {
      return { start: haystack.starts[at], end: haystack.ends[at + wanted.length - 1] };
    }
    at += 1;
  }
  return undefined;
}
