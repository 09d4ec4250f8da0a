// image-text-to-text's contract, used by run.ts (worker) and Panel.tsx (UI).
import type { ImagePayload, ImageTaskInput } from '../shared/image-contract';
import type { Conversation, ChatReply } from '../chat/conversation';
import type { TextChunk } from '../shared/text-chunk';
import type { FlorenceResult, FlorenceTask } from './florence';

/** The picture, the conversation about it (SmolVLM-style models) and the Florence-2 task prompt. */
export interface Input {
  image: ImageTaskInput;
  chat: Conversation;
  florence: { task: FlorenceTask; text: string };
}

export interface WorkerInput {
  image: ImagePayload;
  /** The conversation so far; the picture belongs to the first user turn. */
  messages: { role: 'user' | 'assistant'; content: string }[];
  florence: { task: FlorenceTask; text: string };
}

export type Output =
  | ({ family: 'chat' } & ChatReply)
  | { family: 'florence'; task: FlorenceTask; prompt: string; raw: string; result: FlorenceResult; width: number; height: number; stopped: boolean };

export type Chunk = TextChunk;
/** The text streamed so far. */
export type Streamed = string;
