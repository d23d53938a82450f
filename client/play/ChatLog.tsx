import { useEffect, useRef } from 'react';
import type { ChatMessage } from '../../protocol';
import { senderName } from '../shared/player-names';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A list of messages, oldest first, that keeps the newest in view. */
export function ChatLog({ messages, names, me, label, empty, active }: {
  messages: readonly ChatMessage[];
  names: ReadonlyMap<string, string>;
  me: string;
  label: string;
  empty: string;
  /** Whether the log is on screen; a log shown again scrolls to its newest message. */
  active: boolean;
}) {
  const list = useRef<HTMLOListElement>(null);
  const last = messages[messages.length - 1]?.seq;
  useEffect(() => {
    // The log scrolls by itself; the page does not jump.
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [last, active]);
  return (
    <ol ref={list} className="chat-log" aria-label={label} aria-live="polite" data-count={messages.length} tabIndex={0}>
      {messages.length === 0 && <li className="muted empty">{empty}</li>}
      {messages.map((message) => (
        <li key={message.seq} className={message.from === me ? 'mine' : message.from === 'admin' ? 'host' : undefined}>
          <span className="from">{message.from === me ? 'You' : senderName(message.from, names)}</span>{' '}
          <time dateTime={new Date(message.at).toISOString()}>{time.format(message.at)}</time>
          <p className="text">{message.text}</p>
        </li>
      ))}
    </ol>
  );
}
