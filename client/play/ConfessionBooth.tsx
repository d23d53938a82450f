import { useMemo } from 'react';
import { ECONOMY } from '../../machines/pecking-order/v1/economy';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { CONFESSIONS_CHANNEL } from '../../machines/pecking-order/v2/cartridges/confessions/rule';
import { socialViews } from './cartridge-views';
import { ChatLog } from './ChatLog';
import { ErrorNotice } from './ErrorNotice';
import { MessageComposer } from './MessageComposer';
import { usePlayerState } from './player-context';
import { useNames } from './use-names';

const toConfession = (text: string) => ({ type: 'confession.post', text });

/**
 * The confession booth: anonymous posts under today's handles. Shown on a day that has one, and
 * afterwards while its confessions are in the log. Nobody's handle is named but the reader's own.
 */
export function ConfessionBooth({ view, active, live }: { view: PlayerView; active: boolean; live: boolean }) {
  const messages = usePlayerState((s) => s.messages);
  const names = useNames();
  const booth = socialViews(view).confessions;
  const confessions = useMemo(() => messages.filter((m) => m.channel === CONFESSIONS_CHANNEL), [messages]);
  if (!booth && confessions.length === 0) return null;
  const closedBecause = !booth?.open
    ? 'The confession booth is closed.'
    : !view.me.alive
      ? 'You are out: you can read the confessions but not post.'
      : booth.left === 0
        ? 'You have posted all your confessions for today.'
        : null;
  return (
    <section className="confession-booth" aria-labelledby="booth-title">
      <h2 className="panel-title" id="booth-title">
        Confession booth
      </h2>
      <p className="muted">
        {booth?.myHandle
          ? `Today you confess as ${booth.myHandle}. Nobody else can tell it is you.`
          : 'Post anonymously: you get a new handle each day, and nobody can tell which is yours.'}
      </p>
      <ChatLog
        messages={confessions}
        names={names}
        me={view.playerId}
        myHandle={booth?.myHandle ?? null}
        label="Confessions"
        empty="No confessions yet."
        active={active}
      />
      {closedBecause && <p className="notice">{closedBecause}</p>}
      <ErrorNotice eventTypes={['confession.post']} />
      {booth?.open && (
        <MessageComposer
          label="Confess anonymously"
          limit={ECONOMY.chatMaxChars}
          disabled={closedBecause !== null || !live}
          toEvent={toConfession}
          sendLabel="Confess"
          note={`${booth.left} left today`}
        />
      )}
    </section>
  );
}
