import { useEffect, useRef, useState } from 'react';
import { REACTIONS } from '../../machines/pecking-order/v1/chat';
import type { ChatMessage } from '../../protocol';
import { senderName } from '../shared/player-names';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** What a reader may do with a message; absent: the log is read-only. */
export interface MessageActions {
  /** Toggles `emoji` on the message (the room decides whether it may). */
  react(seq: number, emoji: string): void;
  /** Starts a reply to the message; absent where replies are not possible (DMs). */
  reply?(message: ChatMessage): void;
}

/** A list of messages, oldest first, that keeps the newest in view. */
export function ChatLog({
  messages,
  names,
  me,
  myHandle = null,
  label,
  empty,
  active,
  actions,
}: {
  messages: readonly ChatMessage[];
  names: ReadonlyMap<string, string>;
  me: string;
  /** This player's confession handle today, if they have one: their own confessions say so. */
  myHandle?: string | null;
  label: string;
  empty: string;
  /** Whether the log is on screen; a log shown again scrolls to its newest message. */
  active: boolean;
  actions?: MessageActions;
}) {
  const list = useRef<HTMLOListElement>(null);
  const last = messages[messages.length - 1]?.seq;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when a message arrives or the log is shown; the values are the triggers, not inputs
  useEffect(() => {
    // The log scrolls by itself; the page does not jump.
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [last, active]);
  const who = (id: string) => (id === me ? 'You' : senderName(id, names));
  // A confession's `from` is a handle, never an id: it is shown as it is, and is "you" only for its author.
  const author = (message: Pick<ChatMessage, 'from' | 'kind'>) =>
    message.kind === 'confession' ? (message.from === myHandle ? `${message.from} (you)` : message.from) : who(message.from);
  const mine = (message: ChatMessage) => (message.kind === 'confession' ? message.from === myHandle : message.from === me);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must take keyboard focus to be scrolled without a mouse
    <ol ref={list} className="chat-log" aria-label={label} aria-live="polite" data-count={messages.length} tabIndex={0}>
      {messages.length === 0 && <li className="muted empty">{empty}</li>}
      {messages.map((message) => (
        <li
          key={message.seq}
          data-seq={message.seq}
          className={
            [
              mine(message) ? 'mine' : message.from === 'admin' ? 'host' : '',
              message.mentions?.includes(me) ? 'mentions-me' : '',
              message.kind ?? '',
              message.kind === 'whisper' && message.to === me ? 'to-me' : '',
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
        >
          <span className="from">{author(message)}</span>
          {message.kind === 'whisper' && (
            <span className="whispered">
              {' '}
              whispered to <span className="to">{message.to === me ? 'you' : who(message.to ?? '')}</span>
            </span>
          )}{' '}
          <time dateTime={new Date(message.at).toISOString()}>{time.format(message.at)}</time>
          {message.replyTo && (
            <blockquote className="quote" aria-label={`Replying to ${who(message.replyTo.from)}`}>
              <span className="from">{who(message.replyTo.from)}</span> {message.replyTo.sealed ? <em>a whisper</em> : message.replyTo.text}
            </blockquote>
          )}
          {!message.sealed && <p className="text">{message.text}</p>}
          <MessageFoot message={message} me={me} names={names} actions={actions} />
        </li>
      ))}
    </ol>
  );
}

/** A message's reaction counts, and (for a reader who may act) the picker and the reply button. */
function MessageFoot({
  message,
  me,
  names,
  actions,
}: {
  message: ChatMessage;
  me: string;
  names: ReadonlyMap<string, string>;
  actions?: MessageActions;
}) {
  const [picking, setPicking] = useState(false);
  const reactions = (message.reactions ?? []).filter((r) => r.players.length > 0);
  if (reactions.length === 0 && !actions) return null;
  return (
    <div className="message-foot">
      {reactions.map((r) => {
        const mine = r.players.includes(me);
        const people = r.players.map((p) => (p === me ? 'you' : senderName(p, names))).join(', ');
        return (
          <button
            key={r.emoji}
            type="button"
            className="reaction"
            aria-pressed={mine}
            disabled={!actions}
            title={people}
            aria-label={`${r.emoji} ${r.players.length}: ${people}`}
            onClick={() => actions?.react(message.seq, r.emoji)}
          >
            {r.emoji} <span className="count">{r.players.length}</span>
          </button>
        );
      })}
      {actions && (
        <>
          <button type="button" className="link react-open" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
            React
          </button>
          {actions.reply && (
            <button type="button" className="link" onClick={() => actions.reply!(message)}>
              Reply
            </button>
          )}
          {picking && (
            // biome-ignore lint/a11y/useSemanticElements: a row of emoji buttons, not a form; a fieldset would bring form layout
            <span className="reaction-picker" role="group" aria-label="Pick a reaction">
              {REACTIONS.map((emoji) => (
                <button
                  key={emoji}
                  type="button"
                  className="reaction"
                  aria-label={`React ${emoji}`}
                  onClick={() => {
                    actions.react(message.seq, emoji);
                    setPicking(false);
                  }}
                >
                  {emoji}
                </button>
              ))}
            </span>
          )}
        </>
      )}
    </div>
  );
}
