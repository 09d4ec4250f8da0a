// A reasoning model's reply split into its thinking and its answer, by the marker tokens its family uses
// (openPangu-Embedded: [unused16] thinking [unused17] answer). Works on token ids, so a marker is never
// confused with the same characters typed in text.

export interface SplitReply {
  reply: string;
  /** What the model thought before answering; undefined when it did not (fast thinking, or no markers). */
  thinking?: string;
}

/**
 * @param ids the new tokens only @param markers the start and end marker ids
 * @param decode ids → text with special tokens skipped
 */
export function splitThinking(ids: number[], markers: readonly [number, number], decode: (ids: number[]) => string): SplitReply {
  const [start, end] = markers;
  const from = ids.indexOf(start);
  const to = ids.indexOf(end);
  if (from < 0 && to < 0) return { reply: decode(ids).trim() };
  // Stopped (or cut at the token limit) while still thinking: all of it is thinking, no answer yet.
  if (to < 0) return { reply: '', thinking: decode(ids.slice(from + 1)).trim() };
  const thinking = decode(ids.slice(from >= 0 && from < to ? from + 1 : 0, to)).trim();
  return { reply: decode(ids.slice(to + 1)).trim(), thinking: thinking || undefined };
}
