/**
 * The vocabulary of the `pecking-order@1` vote rules: pure data in (who is alive, their silver, the
 * ballots, a seed), a {@link VoteOutcome} out. The game machines build against these names.
 */

export type VoteType = 'MAJORITY' | 'BUBBLE' | 'PODIUM_SACRIFICE' | 'SHIELD' | 'EXECUTIONER' | 'SECOND_TO_LAST' | 'TRUST_PAIRS' | 'FINALS';

/** Every vote type, in the order game-rules.md lists them. */
export const VOTE_TYPES: readonly VoteType[] = [
  'MAJORITY',
  'BUBBLE',
  'PODIUM_SACRIFICE',
  'SHIELD',
  'EXECUTIONER',
  'SECOND_TO_LAST',
  'TRUST_PAIRS',
  'FINALS',
];

/** An alive player with their silver. */
export interface Contender {
  playerId: string;
  silver: number;
}

/** Everything a vote rule knows besides the ballots. */
export interface VoteContext {
  /** Alive players at the moment the vote closes, with their silver. */
  alive: readonly Contender[];
  /** Eliminated players (the FINALS jury), in elimination order. */
  eliminated: readonly string[];
  /** Seed for draws: the room seed plus the day, e.g. "room-abc:day3". */
  seed: string;
}

/** A ballot. Which fields count depends on the vote type (see each rule). */
export interface Ballot {
  /**
   * MAJORITY, BUBBLE (save), PODIUM_SACRIFICE (save), SHIELD (shield), FINALS (winner),
   * TRUST_PAIRS (elimination vote).
   */
  target?: string;
  /** TRUST_PAIRS trust pick. */
  trust?: string;
  /** EXECUTIONER step 1: whom the voter elects executioner. */
  elect?: string;
  /** EXECUTIONER step 2: only the executioner's pick counts. */
  pick?: string;
}

/** The latest ballot of each voter, keyed by voter id. */
export type Ballots = Readonly<Record<string /* voterId */, Ballot>>;

/** A ballot field: `'target' | 'trust' | 'elect' | 'pick'`. */
export type BallotKind = keyof Ballot;

/**
 * Why the outcome is what it is: a stable code, one per deciding step. When silver ties and the
 * seeded draw has the final say, the code is `TIE_SEEDED_DRAW` whichever step led there (a vote
 * tie, no votes, no pick); the explanation sentence tells the whole story.
 */
export type OutcomeReason =
  /** The player with the most valid votes (FINALS: the winner). */
  | 'MOST_VOTES'
  /** BUBBLE, PODIUM_SACRIFICE: the target with the fewest saves. */
  | 'FEWEST_SAVES'
  /** SHIELD: the player with the fewest shields. */
  | 'FEWEST_SHIELDS'
  /** A count tie, broken by the lowest silver among the tied. */
  | 'TIE_LOWEST_SILVER'
  /** FINALS: a vote tie, broken by the highest silver among the tied. */
  | 'TIE_HIGHEST_SILVER'
  /** A tie silver could not break (or SHIELD's tie), decided by the day's seeded draw. */
  | 'TIE_SEEDED_DRAW'
  /** No valid ballots: the lowest silver among the players the rule names. */
  | 'NO_VOTES_LOWEST_SILVER'
  /** FINALS with no jurors or no valid votes: the highest silver wins. */
  | 'NO_VOTES_HIGHEST_SILVER'
  /** EXECUTIONER: the executioner's pick. */
  | 'EXECUTIONER_PICK'
  /** EXECUTIONER: no valid pick by close, so the lowest silver among the pick targets. */
  | 'NO_PICK_LOWEST_SILVER'
  /** SECOND_TO_LAST: second-to-last in the silver ranking. */
  | 'SECOND_TO_LAST_SILVER'
  /** SECOND_TO_LAST or FINALS with a single alive player: that player. */
  | 'ONLY_ONE_ALIVE'
  /** TRUST_PAIRS: every alive player was in a mutual pair, so the lowest silver among all alive. */
  | 'ALL_IMMUNE_LOWEST_SILVER'
  /**
   * Fewer alive players than the vote type needs left nobody the rule could name (e.g. BUBBLE with
   * nobody outside the top 3), so the lowest silver among all alive. The manifest check
   * (`minAlive`) keeps real games out of this.
   */
  | 'TOO_FEW_ALIVE_LOWEST_SILVER'
  /** Nobody is alive: there is nobody to eliminate or crown. */
  | 'NOBODY_ALIVE';

/** What a vote decided, with what players see at the reveal. */
export interface VoteOutcome {
  type: VoteType;
  /** The eliminated player; null only for FINALS (and when nobody is alive). */
  out: string | null;
  /** FINALS only: the winner. */
  winner: string | null;
  /** FINALS: every alive player, winner first; other types: []. */
  ranking: string[];
  /** Alive players the rule protected from elimination (see each rule); [] when none. */
  immune: string[];
  /** EXECUTIONER only. */
  executioner: string | null;
  /** Valid ballots counted per target, eligible targets at 0 included (for the reveal). */
  tallies: Record<string, number>;
  reason: OutcomeReason;
  /** One plain sentence for players, e.g. "Avery had the most votes (3)." Uses player ids. */
  explanation: string;
}

/** One vote type's rule: who may vote for whom, and how the result is decided. Pure. */
export interface VoteRule {
  type: VoteType;
  /** The ballot fields this vote type reads; empty when nobody votes. */
  ballotKinds: readonly BallotKind[];
  /**
   * Who may cast a ballot of the given kind ('target' | 'trust' | 'elect' | 'pick'). For EXECUTIONER
   * 'pick', pass the executioner.
   */
  canVote(ctx: VoteContext, voterId: string, kind: BallotKind, executioner?: string | null): boolean;
  /** Players a voter may name in a ballot field; [] when the voter may not cast that kind. */
  targets(ctx: VoteContext, voterId: string, kind: BallotKind, executioner?: string | null): string[];
  /** The result. Ballots from ineligible voters or naming ineligible targets are ignored (never throws). */
  decide(ctx: VoteContext, ballots: Ballots): VoteOutcome;
  /** The minimum number of alive players at the start of the day for this type. */
  minAlive: number;
  /** One paragraph describing the rule for players and designers. */
  summary: string;
}
