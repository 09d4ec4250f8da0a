import { useEffect, useId } from 'react';
import type { TaskView } from '../types';
import { appendChunk } from '../shared/text-chunk';
import type { Chunk, Input, Output, Streamed } from './types';
import type { DecoderFamily } from '../../models/decoder-family';
import { Markdown, preloadMarkdown } from '../../ui/kit/Markdown/Markdown';
import { formatMs } from '../../ui/format';
import {
  appendReply,
  editFrom,
  emptyConversation,
  pendingQuestion,
  sendDraft,
  withoutLastReply,
  type ChatMessage,
  type Conversation,
} from './conversation';
import { FieldError } from '../../ui/kit/FieldError/FieldError';

const SAMPLE_MESSAGES = ['Tell me a short story about a brave little cat.', 'What are three tips for learning a new language?', 'Explain what a neural network is in one paragraph.'];

/** The model's own fast/slow thinking switch, offered only for a model that has one. */
function ThinkingSwitch({ value, onChange, family }: { value: Conversation; onChange(c: Conversation): void; family?: DecoderFamily }) {
  if (!family?.fastThinkingSuffix) return null;
  return (
    <label className="param toggle" title={`Adds “${family.fastThinkingSuffix.trim()}” to your message, the model’s own switch`}>
      <input type="checkbox" checked={Boolean(value.fastThinking)} onChange={(e) => onChange({ ...value, fastThinking: e.target.checked })} data-testid="fast-thinking" />
      Fast thinking (no long reasoning)
    </label>
  );
}

interface ComposerProps {
  value: Conversation;
  onChange(c: Conversation): void;
  error?: string;
  disabled: boolean;
  onRun?(): void;
  family?: DecoderFamily;
}

function Composer({ value, onChange, error, disabled, onRun, family }: ComposerProps) {
  const id = useId();
  return (
    <>
      <ThinkingSwitch value={value} onChange={onChange} family={family} />
      <details className="system-prompt">
        <summary>System prompt</summary>
        <textarea rows={3} value={value.system} onChange={(e) => onChange({ ...value, system: e.target.value })} data-testid="system-input" aria-label="System prompt" />
      </details>
      <div className="field">
        <label htmlFor={id}>Message</label>
        <textarea
          id={id}
          rows={3}
          value={value.draft}
          placeholder="Ask something… (Enter to send, Shift+Enter for a new line)"
          onChange={(e) => onChange({ ...value, draft: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !disabled) {
              e.preventDefault();
              onRun?.();
            }
          }}
          aria-invalid={Boolean(error)}
          data-testid="chat-input"
        />
        <FieldError>{error}</FieldError>
        {value.messages.length === 0 && (
          <div className="chips" aria-label="Sample messages">
            {SAMPLE_MESSAGES.map((sample) => (
              <button key={sample} type="button" className="chip" onClick={() => onChange({ ...value, draft: sample })} disabled={disabled}>
                {sample}
              </button>
            ))}
          </div>
        )}
      </div>
    </>
  );
}

function Stats({ message }: { message: ChatMessage }) {
  const s = message.stats;
  if (!s) return null;
  const parts = [
    `${s.promptTokens} prompt tokens${s.reusedTokens ? ` (${s.reusedTokens} from cache)` : ''}`,
    `${s.newTokens} new`,
    s.ttftMs !== undefined ? `first token ${formatMs(s.ttftMs)}` : undefined,
    s.tokensPerSecond !== undefined ? `${s.tokensPerSecond.toFixed(1)} tok/s` : undefined,
  ];
  return <p className="message-stats" data-testid="message-stats">{parts.filter(Boolean).join(' · ')}</p>;
}

interface BubbleProps {
  message: ChatMessage;
  onEdit?(): void;
  onRegenerate?(): void;
  busy: boolean;
}

function Bubble({ message, onEdit, onRegenerate, busy }: BubbleProps) {
  return (
    <li className={`bubble ${message.role}`} data-testid={`message-${message.role}`}>
      <div className="bubble-head">
        <strong>{message.role === 'user' ? 'You' : 'Model'}</strong>
        {message.stopped && <span className="pill warn">stopped</span>}
        <span className="bubble-actions">
          <button type="button" className="link" onClick={() => void navigator.clipboard?.writeText(message.content)}>Copy</button>
          {onEdit && <button type="button" className="link" onClick={onEdit} disabled={busy}>Edit</button>}
          {onRegenerate && <button type="button" className="link" onClick={onRegenerate} disabled={busy} data-testid="regenerate">Regenerate</button>}
        </span>
      </div>
      {message.thinking && (
        <details className="thinking" data-testid="message-thinking">
          <summary>Thought before answering</summary>
          <p className="user-text muted">{message.thinking}</p>
        </details>
      )}
      {message.role === 'assistant' ? <Markdown source={message.content} /> : <p className="user-text">{message.content}</p>}
      {message.role === 'assistant' && <Stats message={message} />}
    </li>
  );
}

/** The reply being written; the Markdown pipeline starts loading while the model thinks (or loads). */
function PendingReply({ partial }: { partial?: string }) {
  useEffect(preloadMarkdown, []);
  return (
    <li className="bubble assistant pending" data-testid="message-pending">
      <div className="bubble-head"><strong>Model</strong></div>
      {partial ? <Markdown source={partial} streaming /> : <p className="muted">Thinking…</p>}
      <span className="caret" aria-hidden="true" />
    </li>
  );
}

function ContextMeter({ messages }: { messages: ChatMessage[] }) {
  const last = [...messages].reverse().find((m) => m.stats);
  const s = last?.stats;
  if (!s?.contextLimit) return null;
  const used = s.promptTokens + s.newTokens;
  return (
    <span className="pill" data-testid="context-meter" title="Tokens in the conversation vs the model's context window">
      context {used} / {s.contextLimit}
    </span>
  );
}

const view: TaskView<Input, Output, Streamed, Input, Chunk> = {
  // A first message is ready to send, like the sample text of the other tasks: Run works before typing.
  defaultInput: { ...emptyConversation, draft: SAMPLE_MESSAGES[0] },
  runLabel: 'Send',
  alwaysShowOutput: true,
  beforeRun: sendDraft,
  validate: pendingQuestion,
  applyResult: (c, reply, stats) => appendReply(c, reply, { latencyMs: stats.latencyMs, ttftMs: stats.ttftMs, tokensPerSecond: stats.tokensPerSecond }),
  reducePartial: appendChunk,
  Input: ({ value, onChange, error, disabled, onRun, family }) => <Composer value={value} onChange={onChange} error={error} disabled={disabled} onRun={onRun} family={family} />,
  Output: ({ value, onChange, onRun, partial, running }) => {
    const messages = value.messages;
    const lastIndex = messages.length - 1;
    const completion = messages.some((m) => m.completion);
    // Read-only (a compare column): no Clear, Edit or Regenerate, which would change the shared input.
    const edit = onChange && onRun ? { onChange, onRun } : undefined;
    return (
      <div className="chat">
        <div className="chat-head">
          <ContextMeter messages={messages} />
          {edit && (
            <button type="button" className="secondary small-button" onClick={() => edit.onChange({ ...value, messages: [] })} disabled={running || !messages.length} data-testid="clear-chat">
              Clear
            </button>
          )}
        </div>
        {completion && (
          <p className="notice" data-testid="completion-note">
            This model has no chat template, so each message is continued as plain text (completion), not answered.
          </p>
        )}
        {messages.length === 0 && !running && <p className="muted empty">Say hello to start the conversation.</p>}
        <ol className="messages" aria-live="polite">
          {messages.map((message, i) => (
            <Bubble
              key={i}
              message={message}
              busy={running}
              onEdit={edit && message.role === 'user' ? () => edit.onChange(editFrom(value, i)) : undefined}
              onRegenerate={edit && message.role === 'assistant' && i === lastIndex ? () => { edit.onChange(withoutLastReply(value)); edit.onRun(); } : undefined}
            />
          ))}
          {running && <PendingReply partial={partial} />}
        </ol>
      </div>
    );
  },
};
export default view;
