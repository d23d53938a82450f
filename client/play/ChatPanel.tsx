import { useCallback, useMemo, useState } from 'react';
import { ECONOMY } from '../../machines/pecking-order/v1/economy';
import { GROUP_CHANNEL } from '../../machines/pecking-order/v1/chat';
import { mentionsIn } from '../../machines/pecking-order/v1/mentions';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import type { ChatMessage } from '../../protocol';
import { senderName } from '../shared/player-names';
import { socialViews } from './cartridge-views';
import { ChatLog, type MessageActions } from './ChatLog';
import { ErrorNotice } from './ErrorNotice';
import { MessageComposer } from './MessageComposer';
import { usePlayerApi, usePlayerState } from './player-context';
import { useNames } from './use-names';

/** The group chat: everyone reads it; alive players post, reply and react while it is open. */
export function ChatPanel({ view, active, live }: { view: PlayerView; active: boolean; live: boolean }) {
  const messages = usePlayerState((s) => s.messages);
  const { send } = usePlayerApi();
  const names = useNames();
  const [replyingTo, setReplyingTo] = useState<ChatMessage | null>(null);
  // Whom the next message is whispered to; '' sends it to everyone.
  const [whisperTo, setWhisperTo] = useState('');
  const whispers = socialViews(view).whispers;
  const group = useMemo(() => messages.filter((message) => message.channel === GROUP_CHANNEL), [messages]);
  const closedBecause = !view.me.alive
    ? 'You are out: you can read the group chat but not post.'
    : !view.open.groupChat
      ? view.phase === 'gameOver'
        ? 'The game is over; the chat is closed.'
        : 'The group chat is closed for the night; it reopens in the morning.'
      : null;
  const canAct = closedBecause === null && live;
  const actions = useMemo<MessageActions | undefined>(
    () =>
      canAct
        ? { react: (seq, emoji) => void send({ type: 'chat.react', seq, emoji }), reply: (message) => setReplyingTo(message) }
        : undefined,
    [canAct, send],
  );
  // The machine knows ids, not names: the app finds the @Names and sends whom they name.
  const others = useMemo(() => view.cast.filter((c) => c.playerId !== view.playerId), [view.cast, view.playerId]);
  const whisperTargets = useMemo(() => others.filter((c) => c.alive), [others]);
  const whispering = whispers?.canWhisper === true && whisperTo !== '' && !replyingTo;
  const toEvent = useCallback(
    (text: string) => {
      if (whispering) return { type: 'whisper.send', to: whisperTo, text };
      const mentions = mentionsIn(text, others);
      const extra = mentions.length > 0 ? { mentions } : {};
      return replyingTo ? { type: 'chat.reply', replyTo: replyingTo.seq, text, ...extra } : { type: 'chat.post', text, ...extra };
    },
    [others, replyingTo, whispering, whisperTo],
  );
  const leaveReply = useCallback(() => setReplyingTo(null), []);
  return (
    <>
      <h2 className="panel-title">Group chat</h2>
      <ChatLog
        messages={group}
        names={names}
        me={view.playerId}
        label="Group chat messages"
        empty="No messages yet. Say hello."
        active={active}
        actions={actions}
      />
      {closedBecause && <p className="notice">{closedBecause}</p>}
      <ErrorNotice eventTypes={['chat.post', 'chat.reply', 'chat.react', 'whisper.send']} />
      <MessageComposer
        label={replyingTo ? 'Reply to the group' : whispering ? `Whisper to ${senderName(whisperTo, names)}` : 'Message the group'}
        limit={ECONOMY.chatMaxChars}
        disabled={closedBecause !== null || !live}
        toEvent={toEvent}
        onSent={leaveReply}
        note="@Name tells a player"
        sendLabel={whispering ? 'Whisper' : 'Send'}
        above={
          whispers?.canWhisper && !replyingTo ? (
            <div className="whisper-to">
              <label htmlFor="whisper-to">Send to</label>
              <select id="whisper-to" value={whisperTo} onChange={(event) => setWhisperTo(event.target.value)}>
                <option value="">Everyone</option>
                {whisperTargets.map((c) => (
                  <option key={c.playerId} value={c.playerId} disabled={whispers.left === 0}>
                    Whisper to {c.name}
                  </option>
                ))}
              </select>
              <span className="muted">{whispers.left} whispers left today · everyone sees that you whispered, not what</span>
            </div>
          ) : (
            replyingTo && (
              <div className="replying" role="status">
                <span>
                  Replying to <strong>{replyingTo.from === view.playerId ? 'yourself' : senderName(replyingTo.from, names)}</strong>: “
                  {replyingTo.text}”
                </span>{' '}
                <button type="button" className="link" onClick={leaveReply}>
                  Cancel reply
                </button>
              </div>
            )
          )
        }
      />
    </>
  );
}
