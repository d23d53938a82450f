/**
 * What the game machine remembers: small, JSON-only, and never a message's text (the room stores
 * messages in its own table). Counters, balances and compact results only: the secrets of an open
 * activity or vote live in its child actor.
 */
import type { Ballots, PickResult, VoteOutcome, VoteType } from '../rules';
import type { Activity, Scheduling } from './manifest';
import type { Timing } from './timeline';

/** One day of the manifest, as the machine plays it. */
export interface DayPlan {
  voteType: VoteType;
  activity: Activity | null;
  theme: string | null;
}

/** The root machine's input (see `createInput`). */
export interface GameInput {
  seed: string;
  scheduling: Scheduling;
  timing: Timing;
  plan: DayPlan[];
  /** Player ids in roster order. */
  players: string[];
  startingSilver: number;
}

/** A player's public standing. */
export interface Seat {
  silver: number;
  gold: number;
  alive: boolean;
}

/** What one day counts; reset every morning. */
export interface Today {
  /** DM characters each player has sent today. */
  dmChars: Record<string, number>;
  /** New conversations each player has opened today. */
  dmOpened: Record<string, number>;
  /**
   * PLAYER_PICK picks, picker → picked, once the activity is revealed. Until then they are secret
   * and live only in the activity child (`activity`), which stops at the reveal.
   */
  picks: Record<string, string> | null;
  /** The activity's payout, once it is revealed. */
  pickResult: PickResult | null;
  /** The day's ballots, once the vote is revealed. */
  ballots: Ballots | null;
}

/** A revealed vote, kept for the rest of the game. */
export type DayResult = VoteOutcome & { day: number };

export interface GameContext {
  seed: string;
  scheduling: Scheduling;
  timing: Timing;
  plan: DayPlan[];
  /** Every player in roster order. */
  cast: Record<string, Seat>;
  /** Eliminated players in the order they went out: the FINALS jury. */
  eliminated: string[];
  goldPool: number;
  /** DM conversations that exist, as pair keys (see `pairKey`). */
  conversations: string[];
  /** 0 in pregame, then 1 … plan.length. */
  day: number;
  today: Today;
  /** Every revealed vote, day by day. */
  history: DayResult[];
  winner: string | null;
  /** How the game ended: the FINALS vote, or the host's `admin.endGame`. */
  ending: 'FINALS' | 'ADMIN' | null;
}

export function emptyToday(): Today {
  return { dmChars: {}, dmOpened: {}, picks: null, pickResult: null, ballots: null };
}

export function initialContext(input: GameInput): GameContext {
  return {
    seed: input.seed,
    scheduling: input.scheduling,
    timing: input.timing,
    plan: input.plan,
    cast: Object.fromEntries(input.players.map((id) => [id, { silver: input.startingSilver, gold: 0, alive: true }])),
    eliminated: [],
    goldPool: 0,
    conversations: [],
    day: 0,
    today: emptyToday(),
    history: [],
    winner: null,
    ending: null,
  };
}
