import { useState } from 'react';
import usePartySocket from 'partysocket/react';
import { GROUP_CHANNEL } from '../../machines/pecking-order/v1/chat';
import type { ChatMessage } from '../../protocol';
import type { Invite } from '../shared/invite-link';
import { senderName } from '../shared/player-names';
import { isRefusal, parseServerFrame } from '../shared/protocol';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The group chat as the host sees it, over an admin socket (it receives messages, no view). The
 * admin role could read DMs too; this view shows the group chat only, as the players see it.
 */
export function HostChat({ invite, names }: { invite: Invite; names: ReadonlyMap<string, string> }) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [state, setState] = useState<'connecting' | 'live' | 'closed'>('connecting');
  usePartySocket({
    host: window.location.host,
    protocol: window.location.protocol === 'https:' ? 'wss' : 'ws',
    party: 'game-server',
    room: invite.roomId,
    query: { token: invite.token },
    shouldReconnectOnClose: (event) => !isRefusal(event.code),
    onMessage(event) {
      const frame = parseServerFrame(event.data);
      if (frame?.type === 'welcome') setState('live');
      if (frame?.type !== 'messages') return;
      const group = frame.messages.filter((message) => message.channel === GROUP_CHANNEL);
      if (group.length === 0) return;
      setMessages((held) => {
        const seen = new Set(held.map((message) => message.seq));
        return [...held, ...group.filter((message) => !seen.has(message.seq))].slice(-200);
      });
    },
    onClose: () => setState('closed'),
  });
  return (
    <section className="card" aria-labelledby="host-chat-title">
      <h2 id="host-chat-title">Group chat {state !== 'live' && <span className="muted">({state === 'closed' ? 'reconnecting…' : 'connecting…'})</span>}</h2>
      <ol className="chat-log" aria-label="Group chat messages" tabIndex={0}>
        {messages.length === 0 && <li className="muted empty">No messages yet.</li>}
        {messages.map((message) => (
          <li key={message.seq} className={message.from === 'admin' ? 'host' : undefined}>
            <span className="from">{senderName(message.from, names)}</span> <time>{time.format(message.at)}</time>
            <p className="text">{message.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
