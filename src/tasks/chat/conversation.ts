// The conversation is the chat task's input: pure functions over it, shared by the UI and tests.

export interface MessageStats {
  ttftMs?: number;
  tokensPerSecond?: number;
  promptTokens: number;
  newTokens: number;
  /** Prompt tokens served from the kept key/value cache instead of recomputed. */
  reusedTokens: number;
  latencyMs: number;
  contextLimit?: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  stats?: MessageStats;
  stopped?: boolean;
  /** Set on replies from a model with no chat template. */
  completion?: boolean;
  /** A reasoning model's thinking before its answer (kept apart, shown folded). */
  thinking?: string;
}

export interface Conversation {
  system: string;
  draft: string;
  messages: ChatMessage[];
  /** Ask a model with a fast/slow thinking switch (openPangu-Embedded) to answer without long thinking. */
  fastThinking?: boolean;
}

export interface ChatReply {
  reply: string;
  thinking?: string;
  /** 'completion' when the model has no chat template and the text was continued as-is. */
  mode: 'chat' | 'completion';
  promptTokens: number;
  newTokens: number;
  reusedTokens: number;
  contextLimit?: number;
  stopped: boolean;
}

export const emptyConversation: Conversation = { system: 'You are a helpful assistant.', draft: '', messages: [] };

/** Sending: the draft becomes the next user message. */
export function sendDraft(c: Conversation): Conversation {
  if (!c.draft.trim()) return c;
  return { ...c, draft: '', messages: [...c.messages, { role: 'user', content: c.draft.trim() }] };
}

type TurnStats = Omit<MessageStats, 'promptTokens' | 'newTokens' | 'reusedTokens' | 'contextLimit'>;

export function appendReply(c: Conversation, reply: ChatReply, stats: TurnStats): Conversation {
  const { promptTokens, newTokens, reusedTokens, contextLimit } = reply;
  const message: ChatMessage = {
    role: 'assistant',
    content: reply.reply,
    stopped: reply.stopped || undefined,
    completion: reply.mode === 'completion' || undefined,
    thinking: reply.thinking,
    stats: { ...stats, promptTokens, newTokens, reusedTokens, contextLimit },
  };
  return { ...c, messages: [...c.messages, message] };
}

/** Drops the last answer so the question can be answered again. */
export function withoutLastReply(c: Conversation): Conversation {
  const last = c.messages.at(-1);
  return last?.role === 'assistant' ? { ...c, messages: c.messages.slice(0, -1) } : c;
}

/** Edit-and-resend: the chosen user message goes back to the composer; everything after it is dropped. */
export function editFrom(c: Conversation, index: number): Conversation {
  const message = c.messages[index];
  if (message?.role !== 'user') return c;
  return { ...c, draft: message.content, messages: c.messages.slice(0, index) };
}

export function pendingQuestion(c: Conversation): string | undefined {
  if (!c.messages.length && !c.draft.trim()) return 'Type a message first.';
  const last = c.messages.at(-1);
  if (!c.draft.trim() && last?.role !== 'user') return 'Type a message, or press Regenerate on the last answer.';
  return undefined;
}
