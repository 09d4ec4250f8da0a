import { describe, expect, it } from 'vitest';
import { appendReply, editFrom, emptyConversation, pendingQuestion, sendDraft, withoutLastReply, type Conversation } from './conversation';

const reply = { reply: 'Hi!', mode: 'chat' as const, promptTokens: 12, newTokens: 3, reusedTokens: 0, stopped: false };

describe('conversation', () => {
  it('sends the draft as a user message and appends the reply with its stats', () => {
    let c: Conversation = { ...emptyConversation, draft: '  Hello  ' };
    c = sendDraft(c);
    expect(c).toMatchObject({ draft: '', messages: [{ role: 'user', content: 'Hello' }] });
    c = appendReply(c, reply, { latencyMs: 40, ttftMs: 10 });
    expect(c.messages[1]).toEqual({
      role: 'assistant',
      content: 'Hi!',
      stopped: undefined,
      completion: undefined,
      stats: { latencyMs: 40, ttftMs: 10, promptTokens: 12, newTokens: 3, reusedTokens: 0, contextLimit: undefined },
    });
  });
  it('regenerate drops only a trailing answer', () => {
    const c = appendReply(sendDraft({ ...emptyConversation, draft: 'Q' }), reply, { latencyMs: 1 });
    expect(withoutLastReply(c).messages).toEqual([{ role: 'user', content: 'Q' }]);
    expect(withoutLastReply(withoutLastReply(c)).messages).toHaveLength(1);
  });
  it('edit-and-resend puts a user message back in the composer and drops what followed', () => {
    let c = appendReply(sendDraft({ ...emptyConversation, draft: 'first' }), reply, { latencyMs: 1 });
    c = appendReply(sendDraft({ ...c, draft: 'second' }), reply, { latencyMs: 1 });
    const edited = editFrom(c, 2);
    expect(edited.draft).toBe('second');
    expect(edited.messages.map((m) => m.content)).toEqual(['first', 'Hi!']);
    expect(editFrom(c, 1)).toBe(c);
  });
  it('says when there is nothing to answer', () => {
    expect(pendingQuestion(emptyConversation)).toMatch(/Type a message/);
    expect(pendingQuestion({ ...emptyConversation, draft: 'x' })).toBeUndefined();
    const answered = appendReply(sendDraft({ ...emptyConversation, draft: 'q' }), reply, { latencyMs: 1 });
    expect(pendingQuestion(answered)).toMatch(/Regenerate/);
    expect(pendingQuestion(withoutLastReply(answered))).toBeUndefined();
  });
});
