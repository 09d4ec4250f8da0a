// What the token streamers emit (shared/token-stream.ts) and how the views fold it: pure, both threads.

/** One piece of generated text, as the streamer decoded it. */
export interface TextChunk {
  text: string;
}

/** Joins the streamed chunks into the text shown so far. */
export const appendChunk = (previous: string | undefined, chunk: TextChunk): string => `${previous ?? ''}${chunk.text}`;
