/**
 * What deserves a notice (a toast, a badge on its tab, a count in the page title), derived from
 * what the client already receives: the view before and after a change, and new messages. Pure, so
 * the machine needs no change and each rule has a unit test (notices.test.ts).
 */
import { GROUP_CHANNEL } from '../../machines/pecking-order/v1/chat';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import type { ChatMessage } from '../../protocol';
import { socialViews } from './cartridge-views';
import { dayName } from './day-words';

export type NoticeTab = 'today' | 'chat' | 'dms' | 'cast';
export type NoticeKind = 'phase' | 'vote' | 'night' | 'dm' | 'whisper' | 'nudge' | 'gameOver';

export interface Notice {
  /** Stable for the same event, so a view received twice (a resync) does not notify twice. */
  id: string;
  kind: NoticeKind;
  tab: NoticeTab;
  text: string;
}

const PHASE_WORDS: Record<string, string> = {
  morning: 'Morning: the group chat is open',
  social: 'DMs are open',
  voting: 'The vote is open',
  results: 'The results are in',
  night: 'Night falls',
};

/**
 * Notices for one view change. The first view of a session (`before` null) notifies nothing: it
 * is where the player already is, not news.
 */
export function viewNotices(before: PlayerView | null, after: PlayerView, nameOf: (id: string) => string): Notice[] {
  if (!before) return [];
  const notices: Notice[] = [];
  const samePhase = before.day === after.day && before.phase === after.phase;
  if (!samePhase) {
    const at = `d${after.day}:${after.phase}`;
    if (after.phase === 'gameOver') {
      const winner = after.winner ? nameOf(after.winner) : null;
      notices.push({ id: `${at}`, kind: 'gameOver', tab: 'today', text: winner ? `Game over: ${winner} wins` : 'Game over' });
    } else if (after.phase === 'voting') {
      notices.push({ id: at, kind: 'vote', tab: 'today', text: `${dayName(after, after.day)}: the vote is open` });
    } else if (after.phase !== 'pregame') {
      notices.push({
        id: at,
        kind: 'phase',
        tab: 'today',
        text: `${dayName(after, after.day)}: ${PHASE_WORDS[after.phase] ?? after.phase}`,
      });
    }
  }
  // A night result: someone new is out (the view reveals it to everyone at once).
  const newlyOut = after.eliminated.filter((id) => !before.eliminated.includes(id));
  for (const id of newlyOut) {
    notices.push({
      id: `out:${id}`,
      kind: 'night',
      tab: 'today',
      text: id === after.playerId ? 'You are out of the game' : `${nameOf(id)} is out`,
    });
  }
  // A nudge: the view lists who nudged this player today, oldest first (only they and the nudger know).
  const nudgedBefore = socialViews(before).nudges?.received ?? [];
  const nudgedNow = socialViews(after).nudges?.received ?? [];
  for (const from of nudgedNow.filter((id) => !nudgedBefore.includes(id))) {
    notices.push({ id: `d${after.day}:nudge:${from}`, kind: 'nudge', tab: 'cast', text: `${nameOf(from)} nudged you` });
  }
  return notices;
}

/** A notice for each DM or whisper someone else sent this player (the group chat has its own unread count). */
export function messageNotices(messages: readonly ChatMessage[], me: string, nameOf: (id: string) => string): Notice[] {
  const dms = messages
    .filter((m) => m.channel !== GROUP_CHANNEL && m.from !== me && m.members?.includes(me))
    .map((m) => ({ id: `dm:${m.seq}`, kind: 'dm' as const, tab: 'dms' as const, text: `DM from ${nameOf(m.from)}: ${clip(m.text)}` }));
  // A whisper to this player is for them alone, like a DM, though everyone saw it go by.
  const whispers = messages
    .filter((m) => m.kind === 'whisper' && m.to === me && m.from !== me)
    .map((m) => ({
      id: `whisper:${m.seq}`,
      kind: 'whisper' as const,
      tab: 'chat' as const,
      text: `${nameOf(m.from)} whispered: ${clip(m.text)}`,
    }));
  return [...dms, ...whispers];
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The page title with the unread count first, as mail and chat apps do. */
export function pageTitle(unread: number, base = 'Pecking Order'): string {
  return unread > 0 ? `(${unread}) ${base}` : base;
}
