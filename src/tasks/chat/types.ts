// chat's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { TextChunk } from '../shared/text-chunk';

/** The whole conversation (draft, system prompt, turns): what the input edits and the worker answers. */
export type { Conversation as Input, ChatReply as Output } from './conversation';
export type Chunk = TextChunk;
/** The reply streamed so far. */
export type Streamed = string;
