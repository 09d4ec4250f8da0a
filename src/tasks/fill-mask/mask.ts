// The two mask spellings users know: BERT's [MASK] and RoBERTa's <mask>. Either is accepted and turned into
// the loaded model's own mask token in the worker.
export const MASK_SPELLINGS = ['[MASK]', '<mask>'] as const;

const MASK_PATTERN = /\[MASK\]|<mask>/g;

export function countMasks(text: string): number {
  return text.match(MASK_PATTERN)?.length ?? 0;
}

/** A message when the text cannot be filled in (no mask, or more than one), else undefined. */
export function maskProblem(text: string): string | undefined {
  if (!text.trim()) return 'Type a sentence with [MASK] (or <mask>) where a word is missing.';
  const masks = countMasks(text);
  if (masks === 0) return 'The text has no mask token: put [MASK] (or <mask>) where the model should fill in a word.';
  if (masks > 1) return `The text has ${masks} mask tokens; use exactly one [MASK] (or <mask>).`;
  return undefined;
}

/** Replaces either spelling with the model's mask token. */
export function toModelMask(text: string, maskToken: string): string {
  return text.replace(MASK_PATTERN, () => maskToken);
}

/** The text before and after the (first) mask, for showing a prediction in place; undefined without a mask. */
export function splitAtMask(text: string): [before: string, after: string] | undefined {
  const match = /\[MASK\]|<mask>/.exec(text);
  if (!match) return undefined;
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}
