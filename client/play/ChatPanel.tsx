import { useMemo } from 'react';
import { ECONOMY } from '../../machines/pecking-order/v1/economy';
import { GROUP_CHANNEL } from '../../machines/pecking-order/v1/chat';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { ChatLog } from './ChatLog';
import { ErrorNotice } from './ErrorNotice';
import { MessageComposer } from './MessageComposer';
import { usePlayerState } from './player-context';
import { useNames } from './use-names';

/** The group chat: everyone reads it; alive players post while it is open. */
export function ChatPanel({ view, active, live }: { view: PlayerView; active: boolean; live: boolean }) {
  const messages = usePlayerState((s) => s.messages);
  const names = useNames();
  const group = useMemo(() => messages.filter((message) => message.channel === GROUP_CHANNEL), [messages]);
  const closedBecause = !view.me.alive
    ? 'You are out: you can read the group chat but not post.'
    : !view.open.groupChat
      ? view.phase === 'gameOver'
        ? 'The game is over; the chat is closed.'
        : 'The group chat is closed for the night; it reopens in the morning.'
      : null;
  return (
    <>
      <h2 className="panel-title">Group chat</h2>
      <ChatLog messages={group} names={names} me={view.playerId} label="Group chat messages" empty="No messages yet. Say hello." active={active} />
      {closedBecause && <p className="notice">{closedBecause}</p>}
      <ErrorNotice eventTypes={['chat.post']} />
      <MessageComposer
        label="Message the group"
        limit={ECONOMY.chatMaxChars}
        disabled={closedBecause !== null || !live}
        toEvent={(text) => ({ type: 'chat.post', text })}
      />
    </>
  );
}
