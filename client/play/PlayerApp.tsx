import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { GROUP_CHANNEL } from '../../machines/pecking-order/v1/chat';
import { CONFESSIONS_CHANNEL } from '../../machines/pecking-order/v2/cartridges/confessions/rule';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { CastPanel } from './CastPanel';
import { ChatPanel } from './ChatPanel';
import { ConfessionBooth } from './ConfessionBooth';
import { ConnectionBadge, RefusalExplanation } from './ConnectionBadge';
import { DmPanel } from './DmPanel';
import { ErrorNotice } from './ErrorNotice';
import { GameOverBanner } from './GameOverBanner';
import { MentionNotice } from './MentionNotice';
import { PhaseStrip } from './PhaseStrip';
import { PlayerContext, usePlayerApi, usePlayerState, type PlayerApi } from './player-context';
import { createPlayerStore } from './player-store';
import { saveMessages, type SavedSession } from './saved-session';
import { TodayPanel } from './TodayPanel';
import { useNames } from './use-names';
import { useNotices, useUnreadTitle } from './use-notices';
import { useRoomSocket } from './use-room-socket';
import { Toasts } from './Toasts';
import { PushOffer } from './PushOffer';

/** One game for one player: the store, its persistence and the socket, around the screens. */
export function PlayerApp({ session, screen }: { session: SavedSession; screen?: string | null }) {
  const [store] = useState(() =>
    createPlayerStore({ roomId: session.roomId, playerId: session.playerId, messages: session.messages, cursor: session.cursor }),
  );
  useEffect(() => {
    // Storage follows the store: messages and cursor survive reloads and reconnects.
    let saved = store.getSnapshot().context.cursor;
    const subscription = store.subscribe(({ context }) => {
      if (context.cursor === saved) return;
      saved = context.cursor;
      saveMessages(context.roomId, context.cursor, context.messages);
    });
    return () => subscription.unsubscribe();
  }, [store]);
  const { send, sendPush } = useRoomSocket(store, session);
  const api = useMemo<PlayerApi>(() => ({ store, send, sendPush }), [store, send, sendPush]);
  return (
    <PlayerContext value={api}>
      <PlayerScreen screen={screen ?? null} />
    </PlayerContext>
  );
}

const TABS = [
  { id: 'today', label: 'Today' },
  { id: 'chat', label: 'Chat' },
  { id: 'dms', label: 'DMs' },
  { id: 'cast', label: 'Cast' },
] as const;
type Tab = (typeof TABS)[number]['id'];

function PlayerScreen({ screen }: { screen: string | null }) {
  const view = usePlayerState((s) => s.view);
  const connection = usePlayerState((s) => s.connection);
  return (
    <div className="app player">
      <header className="topbar">
        <span className="brand">Pecking Order</span>
        <ConnectionBadge connection={connection} />
      </header>
      {connection.status === 'refused' && <RefusalExplanation code={connection.closeCode} />}
      {view ? (
        <GameScreen view={view} live={connection.status === 'live'} reconnecting={connection.status === 'reconnecting'} screen={screen} />
      ) : (
        connection.status !== 'refused' && <p className="loading">Connecting to the game…</p>
      )}
    </div>
  );
}

function GameScreen({
  view,
  live,
  reconnecting,
  screen,
}: {
  view: PlayerView;
  live: boolean;
  reconnecting: boolean;
  screen: string | null;
}) {
  // A notification's link names the screen it is about.
  const [tab, setTab] = useState<Tab>(() => TABS.find((t) => t.id === screen)?.id ?? 'today');
  const messagesUnread = useUnread(view.playerId, tab);
  const notices = useNotices(view, tab, useNames());
  // Unread messages are counted from the messages themselves; the notices add the Today tab's news.
  const unread = { ...messagesUnread, today: notices.unread.today };
  useUnreadTitle(unread.today + unread.chat + unread.dms + unread.cast);
  useMentionsSeenInChat(tab === 'chat');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ today: null, chat: null, dms: null, cast: null });
  function onTabKey(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const index = (TABS.findIndex((t) => t.id === tab) + step + TABS.length) % TABS.length;
    const next = TABS[index]!.id;
    setTab(next);
    tabRefs.current[next]?.focus();
  }
  const panels: Record<Tab, ReactNode> = {
    today: <TodayPanel view={view} />,
    chat: (
      <>
        <ChatPanel view={view} active={tab === 'chat'} live={live} />
        <ConfessionBooth view={view} active={tab === 'chat'} live={live} />
      </>
    ),
    dms: <DmPanel view={view} active={tab === 'dms'} live={live} />,
    cast: <CastPanel view={view} live={live} />,
  };
  return (
    <>
      <div className="sticky-head">
        <PhaseStrip view={view} />
        <div className="tabs" role="tablist" aria-label="Sections" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(element) => {
                tabRefs.current[t.id] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls={`panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {unread[t.id] > 0 && (
                <span className="unread" role="img" aria-label={`${unread[t.id]} unread`}>
                  {unread[t.id]}
                </span>
              )}
            </button>
          ))}
        </div>
      </div>
      {reconnecting && (
        <p className="notice" role="status">
          The connection dropped. Reconnecting: you will catch up on everything you missed.
        </p>
      )}
      <Toasts toasts={notices.toasts} dismiss={notices.dismiss} open={setTab} />
      <PushOffer ready={notices.heard} />
      <GameOverBanner view={view} />
      <ErrorNotice general />
      {tab !== 'chat' && <MentionNotice onOpen={() => setTab('chat')} />}
      <main className="panels">
        {TABS.map((t) => (
          <section
            key={t.id}
            id={`panel-${t.id}`}
            role="tabpanel"
            aria-labelledby={`tab-${t.id}`}
            className={`panel panel-${t.id}`}
            data-active={tab === t.id ? '' : undefined}
          >
            {panels[t.id]}
          </section>
        ))}
      </main>
    </>
  );
}

/** Messages from others that arrived while their tab was not shown. */
function useUnread(me: string, tab: Tab): Record<Tab, number> {
  const messages = usePlayerState((s) => s.messages);
  const last = messages[messages.length - 1]?.seq ?? 0;
  const [seen, setSeen] = useState({ chat: last, dms: last });
  useEffect(() => {
    if (tab === 'chat' || tab === 'dms') setSeen((s) => ({ ...s, [tab]: last }));
  }, [tab, last]);
  return useMemo(() => {
    const count = (group: boolean, after: number) =>
      messages.filter((m) => m.seq > after && m.from !== me && isChatTab(m.channel) === group).length;
    return { today: 0, chat: count(true, seen.chat), dms: count(false, seen.dms), cast: 0 };
  }, [messages, seen, me]);
}

/** The Chat tab holds the group chat and the confession booth; every other channel is a DM. */
function isChatTab(channel: string): boolean {
  return channel === GROUP_CHANNEL || channel === CONFESSIONS_CHANNEL;
}

/** A player reading the group chat has seen its mentions: the notice does not wait for them elsewhere. */
function useMentionsSeenInChat(inChat: boolean): void {
  const { store } = usePlayerApi();
  const waiting = usePlayerState((s) => s.mentions.length > 0);
  useEffect(() => {
    if (inChat && waiting) store.trigger.mentionsSeen();
  }, [inChat, waiting, store]);
}
