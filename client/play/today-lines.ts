/**
 * What the Today panel says, as pure functions of the player's view: the lines whose wording
 * depends on the rule of the day, on who picked, and on whether the player is still in the game.
 */
import { VOTE_RULES } from '../../machines/pecking-order/rules';
import type { PlayerView, VoteView } from '../../machines/pecking-order/v1/projection';

/** The "who has voted" line; null on a day nobody votes (SECOND_TO_LAST), when the card says so already. */
export function votedLine(vote: VoteView, name: (id: string) => string): string | null {
  if (VOTE_RULES[vote.type].ballotKinds.length === 0) return null;
  return vote.voted.length === 0 ? 'Nobody has voted yet.' : `Voted so far (${vote.voted.length}): ${vote.voted.map(name).join(', ')}`;
}

/** The headline over the revealed picks, which may be none. */
export function pickRevealHeadline(picks: Readonly<Record<string, string>>): string {
  return Object.keys(picks).length === 0 ? 'Nobody picked today, so nobody earned silver.' : 'The picks are out';
}

/** One "what is open now" pill: what it says and whether this player can use it. */
export interface RegionPill {
  text: string;
  on: boolean;
}

/**
 * What is open now, for this player. The jury (eliminated players) reads the group chat but posts
 * nothing, sends no DMs and moves no silver, so their pills say that rather than "open".
 */
export function regionPills(view: PlayerView): RegionPill[] {
  const { groupChat, dms, transfers } = view.open;
  if (!view.me.alive) {
    return [
      { text: groupChat ? 'Group chat: you can read it' : 'Group chat closed', on: false },
      { text: 'No DMs for the jury', on: false },
      { text: 'No silver transfers for the jury', on: false },
    ];
  }
  return [
    { text: `Group chat ${groupChat ? 'open' : 'closed'}`, on: groupChat },
    { text: `DMs ${dms ? 'open' : 'closed'}`, on: dms },
    { text: `Silver transfers ${transfers ? 'open' : 'closed'}`, on: transfers },
  ];
}

/**
 * The player's standing in a few words. At game over a survivor is a finalist (or the winner) only
 * when the finale decided; when the host ended the game early, they were still in when it ended.
 */
export function standingWords(view: PlayerView): string {
  if (!view.me.alive) return 'out of the game, on the jury';
  if (view.phase !== 'gameOver') return 'in the game';
  if (view.ending === 'FINALS') return view.winner === view.playerId ? 'the winner' : 'finalist';
  return 'still in when the host ended the game';
}

/**
 * Whether the vote card leads the Today panel: while the vote is open and while its result is
 * fresh (the results phase), the ballot matters most, so on a phone it comes before the persona
 * card and the pick reveal instead of a long scroll below them.
 */
export function voteFirst(view: PlayerView): boolean {
  if (!view.vote) return false;
  return view.vote.open || (view.phase === 'results' && view.vote.result !== null);
}
