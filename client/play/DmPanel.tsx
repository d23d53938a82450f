import { useEffect, useMemo, useState } from 'react';
import { dmChannel } from '../../machines/pecking-order/v1/dms';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { ChatLog, type MessageActions } from './ChatLog';
import { ErrorNotice } from './ErrorNotice';
import { MessageComposer } from './MessageComposer';
import { usePlayerApi, usePlayerState } from './player-context';
import { useNames } from './use-names';

/**
 * DMs: one conversation at a time. Each message costs silver and counts against the day's
 * characters; writing to someone new opens a conversation, and a player opens few a day.
 */
export function DmPanel({ view, active, live }: { view: PlayerView; active: boolean; live: boolean }) {
  const messages = usePlayerState((s) => s.messages);
  const names = useNames();
  const { send } = usePlayerApi();
  const me = view.playerId;
  // Reactions follow the chat's hours (the machine's rule): alive players, while chat is open.
  const canReact = view.me.alive && view.open.groupChat && live;
  const reactions = useMemo<MessageActions | undefined>(
    () => (canReact ? { react: (seq, emoji) => void send({ type: 'chat.react', seq, emoji }) } : undefined),
    [canReact, send],
  );
  const partners = useMemo(() => {
    const ids = new Set(view.dms.conversationsWith);
    for (const message of messages) {
      if (message.channel.startsWith('dm:') && message.members) {
        for (const member of message.members) if (member !== me) ids.add(member);
      }
    }
    return view.cast.map((member) => member.playerId).filter((id) => ids.has(id));
  }, [messages, view.dms.conversationsWith, view.cast, me]);
  const [chosen, setChosen] = useState<string | null>(null);
  const partner = chosen ?? partners[0] ?? null;
  // A player chosen for a new conversation shows as one before the first message opens it.
  const shown = partner && !partners.includes(partner) ? [...partners, partner] : partners;
  const thread = useMemo(
    () => (partner ? messages.filter((message) => message.channel === dmChannel(me, partner)) : []),
    [messages, me, partner],
  );
  const unread = useUnreadBySender(me, partner, active);
  const newPartners = view.cast.filter((member) => member.alive && member.playerId !== me && !shown.includes(member.playerId));
  const { conversationsLeft, charsLeft, costPerMessage } = view.dms;
  const partnerAlive = view.cast.find((member) => member.playerId === partner)?.alive ?? false;
  const closedBecause = !view.me.alive
    ? 'You are out: you can read your DMs but not send any.'
    : !view.open.dms
      ? 'DMs are closed now; they open in the social phase and close at night.'
      : partner && !partnerAlive
        ? `${names.get(partner) ?? partner} is out of the game: DMs are between players still in it.`
        : null;
  return (
    <>
      <h2 className="panel-title">Direct messages</h2>
      <p className="allowance" data-testid="dm-allowance">
        Each message costs {costPerMessage} silver · {conversationsLeft} new conversation{conversationsLeft === 1 ? '' : 's'} left today ·{' '}
        {charsLeft} characters left today
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form; a fieldset would bring form layout */}
      <div className="dm-partners" role="group" aria-label="Conversations">
        {shown.map((id) => (
          <button
            key={id}
            type="button"
            className={id === partner ? 'chip chosen' : 'chip'}
            aria-pressed={id === partner}
            onClick={() => setChosen(id)}
          >
            {names.get(id) ?? id}
            {unread[id] ? (
              <span className="unread" role="img" aria-label={`${unread[id]} unread`}>
                {unread[id]}
              </span>
            ) : null}
          </button>
        ))}
        {view.me.alive && view.open.dms && newPartners.length > 0 && (
          <div className="new-dm">
            <label htmlFor="new-dm">{conversationsLeft > 0 ? 'New conversation with' : 'No new conversations left today'}</label>
            <select
              id="new-dm"
              value=""
              disabled={conversationsLeft === 0}
              onChange={(event) => event.target.value && setChosen(event.target.value)}
            >
              <option value="">Choose a player…</option>
              {newPartners.map((member) => (
                <option key={member.playerId} value={member.playerId}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {partner ? (
        <>
          <ChatLog
            messages={thread}
            names={names}
            me={me}
            label={`Conversation with ${names.get(partner) ?? partner}`}
            empty={`No messages with ${names.get(partner) ?? partner} yet. Your first message opens the conversation.`}
            active={active}
            actions={reactions}
          />
          {closedBecause && <p className="notice">{closedBecause}</p>}
          <ErrorNotice eventTypes={['dm.send', 'chat.react']} />
          <MessageComposer
            key={partner}
            label={`Message ${names.get(partner) ?? partner}`}
            limit={charsLeft}
            disabled={closedBecause !== null || !live}
            note={`costs ${costPerMessage} silver`}
            toEvent={(text) => ({ type: 'dm.send', to: partner, text })}
          />
        </>
      ) : (
        <p className="muted">
          {view.open.dms ? 'Choose a player to start a conversation.' : 'No conversations yet. DMs open in the social phase.'}
        </p>
      )}
    </>
  );
}

/** DMs from each sender that arrived since their conversation was last on screen. */
function useUnreadBySender(me: string, shown: string | null, active: boolean): Record<string, number> {
  const messages = usePlayerState((s) => s.messages);
  // Messages held when the panel first rendered count as read.
  const [baseline] = useState(() => messages[messages.length - 1]?.seq ?? 0);
  const [seen, setSeen] = useState<Record<string, number>>({});
  const last = messages[messages.length - 1]?.seq ?? 0;
  useEffect(() => {
    if (active && shown) setSeen((s) => (s[shown] === last ? s : { ...s, [shown]: last }));
  }, [active, shown, last]);
  return useMemo(() => {
    const counts: Record<string, number> = {};
    for (const message of messages) {
      if (!message.channel.startsWith('dm:') || message.from === me) continue;
      if (message.seq > (seen[message.from] ?? baseline)) counts[message.from] = (counts[message.from] ?? 0) + 1;
    }
    return counts;
  }, [messages, seen, baseline, me]);
}
