/**
 * The notices of this session (notices.ts decides what they are): toasts that fade, unread counts
 * per tab until the tab is shown, and the page title. The first view and messages already held
 * when the app opened are not news.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { messageNotices, pageTitle, viewNotices, type Notice, type NoticeTab } from './notices';
import { usePlayerState } from './player-context';

/** How long a toast stays on screen. */
const TOAST_MS = 6000;

export interface Notices {
  toasts: Notice[];
  unread: Record<NoticeTab, number>;
  dismiss: (id: string) => void;
  /** A notice arrived in this session: the moment to offer notifications (see PushOffer.tsx). */
  heard: boolean;
}

export function useNotices(view: PlayerView, tab: NoticeTab, names: ReadonlyMap<string, string>): Notices {
  const messages = usePlayerState((s) => s.messages);
  const [all, setAll] = useState<Notice[]>([]);
  const [toasts, setToasts] = useState<Notice[]>([]);
  const [seen, setSeen] = useState<Set<string>>(() => new Set());
  const previous = useRef<PlayerView | null>(view);
  // Messages up to here were held before the app opened (or caught up on its first connect).
  const lastSeq = useRef(messages[messages.length - 1]?.seq ?? 0);

  function add(fresh: Notice[]) {
    if (fresh.length === 0) return;
    setAll((held) => [...held, ...fresh.filter((n) => !held.some((h) => h.id === n.id))]);
    setToasts((shown) => [...shown, ...fresh.filter((n) => !shown.some((h) => h.id === n.id))].slice(-3));
    for (const notice of fresh) setTimeout(() => setToasts((shown) => shown.filter((n) => n.id !== notice.id)), TOAST_MS);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new view; names and add() are read as they are then, not triggers
  useEffect(() => {
    const nameOf = (id: string) => names.get(id) ?? id;
    add(viewNotices(previous.current, view, nameOf));
    previous.current = view;
  }, [view]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new batch of messages; the rest is read as it is then, not a trigger
  useEffect(() => {
    const fresh = messages.filter((m) => m.seq > lastSeq.current);
    lastSeq.current = Math.max(lastSeq.current, messages[messages.length - 1]?.seq ?? 0);
    add(messageNotices(fresh, view.playerId, (id) => names.get(id) ?? id));
  }, [messages]);

  // What concerns the tab on screen is read as it arrives.
  useEffect(() => {
    const onTab = all.filter((n) => n.tab === tab && !seen.has(n.id));
    if (onTab.length > 0) setSeen((s) => new Set([...s, ...onTab.map((n) => n.id)]));
  }, [all, tab, seen]);

  const unread = useMemo(() => {
    const counts: Record<NoticeTab, number> = { today: 0, chat: 0, dms: 0, cast: 0 };
    for (const notice of all) if (!seen.has(notice.id) && notice.tab !== tab) counts[notice.tab] += 1;
    return counts;
  }, [all, seen, tab]);

  return { toasts, unread, heard: all.length > 0, dismiss: (id) => setToasts((shown) => shown.filter((n) => n.id !== id)) };
}

/** Keeps the page title's unread count current. */
export function useUnreadTitle(count: number): void {
  useEffect(() => {
    document.title = pageTitle(count);
  }, [count]);
}
