import type { ChatMessage, Conversation } from '../chat/conversation';
import { formatMs } from '../../ui/format';

function Stats({ message }: { message: ChatMessage }) {
  const s = message.stats;
  if (!s) return null;
  const parts = [
    `${s.promptTokens} prompt tokens (picture included${s.reusedTokens ? `; ${s.reusedTokens} from cache` : ''})`,
    `${s.newTokens} new`,
    s.ttftMs !== undefined ? `first token ${formatMs(s.ttftMs)}` : undefined,
    s.tokensPerSecond !== undefined ? `${s.tokensPerSecond.toFixed(1)} tok/s` : undefined,
  ];
  return <p className="message-stats" data-testid="message-stats">{parts.filter(Boolean).join(' · ')}</p>;
}

function Bubble({ message }: { message: ChatMessage }) {
  return (
    <li className={`bubble ${message.role}`} data-testid={`message-${message.role}`}>
      <div className="bubble-head">
        <strong>{message.role === 'user' ? 'You' : 'Model'}</strong>
        {message.stopped && <span className="pill warn">stopped</span>}
      </div>
      {/* Model text is shown as text, never as HTML. */}
      <p className="user-text">{message.content || <span className="muted">(empty reply)</span>}</p>
      {message.role === 'assistant' && <Stats message={message} />}
    </li>
  );
}

interface Props {
  chat: Conversation;
  imageUrl?: string;
  partial?: string;
  running: boolean;
  /** Absent when read-only (a compare column). */
  onClear?(): void;
}

/** The conversation about the picture: its thumbnail, the turns, and the reply being streamed. */
export function ChatView({ chat, imageUrl, partial, running, onClear }: Props) {
  const { messages } = chat;
  return (
    <div className="chat vlm-chat">
      <div className="chat-head">
        {imageUrl && <img className="vlm-thumb" src={imageUrl} alt="The picture being discussed" />}
        {onClear && (
          <button type="button" className="secondary small-button" onClick={onClear} disabled={running || !messages.length} data-testid="clear-chat">
            Clear
          </button>
        )}
      </div>
      {messages.length === 0 && !running && <p className="muted empty">Ask a question about the picture to start.</p>}
      {/* Focusable: the list scrolls (max-height) and holds no control, so keyboards need it to scroll. */}
      <ol className="messages" aria-live="polite" aria-label="Conversation about the picture" tabIndex={0}>
        {messages.map((message, i) => (
          <Bubble key={i} message={message} />
        ))}
        {running && (
          <li className="bubble assistant pending" data-testid="message-pending">
            <div className="bubble-head"><strong>Model</strong></div>
            <p className="user-text">{partial || <span className="muted">Looking at the picture…</span>}</p>
          </li>
        )}
      </ol>
    </div>
  );
}
