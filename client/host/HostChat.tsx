import { useState } from 'react';
import usePartySocket from 'partysocket/react';
import { GROUP_CHANNEL } from '../../machines/pecking-order/v1/chat';
import type { ChatMessage } from '../../protocol';
import type { Invite } from '../shared/invite-link';
import { isRefusal, parseServerFrame } from '../shared/protocol';
import { ChatLog } from '../play/ChatLog';
import { withReactions } from '../shared/chat-reactions';

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
      if (frame?.type === 'reactions') setMessages((held) => withReactions(held, frame.messages));
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
      <h2 id="host-chat-title">
        Group chat {state !== 'live' && <span className="muted">({state === 'closed' ? 'reconnecting…' : 'connecting…'})</span>}
      </h2>
      {/* Read-only: the host posts through the host actions; its own messages read "You". */}
      <ChatLog messages={messages} names={names} me="admin" label="Group chat messages" empty="No messages yet." active />
    </section>
  );
}
