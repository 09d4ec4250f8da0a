import { findIn, fold, type Span } from '../shared/text-locate';

/**
 * Where the model's answer sits in the context: the first case-insensitive occurrence. The pipeline returns the
 * decoded answer only (no offsets), and decoding may lower-case, drop accents or re-space it ("u. s." for "U.S."),
 * so the search ignores those too.
 */
export function locateAnswer(context: string, answer: string): Span | undefined {
  if (!answer.trim()) return undefined;
  return findIn(fold(context, { dropSpaces: true }), answer, { dropSpaces: true });
}

/** The context split around the answer span, for rendering it highlighted. */
export function splitContext(context: string, span: Span): [before: string, answer: string, after: string] {
  return [context.slice(0, span.start), context.slice(span.start, span.end), context.slice(span.end)];
}

export const CONTEXT_MISSING = 'Paste a context for the question to be answered from.';
export const QUESTION_MISSING = 'Type a question about the context.';
