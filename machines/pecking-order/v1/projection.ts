/**
 * A player's view of the game: a pure function of the persisted snapshot, the init payload, the
 * player and the room's timers. It holds what the rules make public (the cast, silver, phase and
 * its end, who has voted, revealed results, the gold pool) and that player's private standing (own
 * ballot, own pick, own DM allowance). It never holds another player's ballot or pick before the
 * reveal, and never a DM: those are not in the snapshot at all.
 */
import type { ProjectionInput } from '../../machine-version';
import { perObject, perObjectPair } from '../../per-object';
import { VOTE_RULES, type Ballot, type BallotKind, type Ballots, type PickResult, type VoteType } from '../rules';
import { aliveIds, voteContextOf } from './cast';
import type { DayResult, GameContext } from './context';
import { dmAllowance } from './dms';
import { ECONOMY } from './economy';
import type { PeckingOrderInit } from './init-schema';
import type { Scheduling } from './manifest';
import type { Phase } from './presets';
import { readGameSnapshot, type GameSnapshotView } from './snapshot-reader';
import { filledKinds, openKinds, type VoteStep } from './vote/ballots';

export type ViewPhase = 'pregame' | Phase | 'gameOver';

export interface CastMember {
  playerId: string;
  name: string;
  bio: string | null;
  avatarUrl: string | null;
  alive: boolean;
  silver: number;
  gold: number;
}

export interface VoteView {
  type: VoteType;
  summary: string;
  /** Whether ballots are accepted now. */
  open: boolean;
  step: VoteStep | null;
  /** Who has cast a ballot in the open step; never whom they chose. */
  voted: string[];
  /** This player's own ballot, while the vote is open. */
  myBallot: Ballot | null;
  /** EXECUTIONER: the elected executioner, once the election closed. */
  executioner: string | null;
  /** The players this player may name now, per ballot field; {} when they may not vote now. */
  targets: Partial<Record<BallotKind, string[]>>;
  /** The day's result, once revealed. */
  result: DayResult | null;
  /** Every ballot, once revealed. */
  ballots: Ballots | null;
}

export interface ActivityView {
  kind: 'PLAYER_PICK';
  open: boolean;
  myPick: string | null;
  targets: string[];
  /** Once the activity closed: every pick and the payout. */
  revealed: (PickResult & { picks: Record<string, string> }) | null;
}

export interface PlayerView {
  playerId: string;
  me: { alive: boolean; silver: number; gold: number; juror: boolean };
  cast: CastMember[];
  day: number;
  dayCount: number;
  theme: string | null;
  phase: ViewPhase;
  /** When the current phase (or vote step) ends, ms since the epoch; null in ADMIN games and at game over. */
  phaseEndsAt: number | null;
  scheduling: Scheduling;
  open: { groupChat: boolean; dms: boolean; transfers: boolean };
  dms: { conversationsLeft: number; charsLeft: number; costPerMessage: number; conversationsWith: string[] };
  activity: ActivityView | null;
  vote: VoteView | null;
  goldPool: number;
  history: DayResult[];
  /** Eliminated players, first out first (public: everyone saw them go). */
  eliminated: string[];
  winner: string | null;
  ending: GameContext['ending'];
  /** What the game calls a day on screen (blitz@1: `Round`); absent, as in pecking-order@1: `Day`. */
  dayWord?: string;
}

function phaseOf(view: GameSnapshotView): ViewPhase {
  if (view.stage === 'pregame' || view.stage === 'gameOver') return view.stage;
  return view.phase ?? 'morning';
}

/** The vote rules' reading of the cast, the same for every player's view of one snapshot (rules never change it). */
const voteContextOnce = perObject((context: GameContext) => voteContextOf(context));

function voteView(view: GameSnapshotView, playerId: string): VoteView | null {
  const { context, ballotBox } = view;
  const plan = context.plan[context.day - 1];
  if (!plan || (view.stage !== 'day' && view.stage !== 'finale')) return null;
  const rule = VOTE_RULES[plan.voteType];
  const open = view.regions.vote === 'open' && ballotBox !== null && view.voteStep !== null;
  const step = open ? view.voteStep : null;
  const executioner = ballotBox?.election?.executioner ?? null;
  const kinds = step ? openKinds(rule, step) : [];
  const voteContext = voteContextOnce(context);
  const targets: Partial<Record<BallotKind, string[]>> = {};
  for (const kind of kinds) {
    if (rule.canVote(voteContext, playerId, kind, executioner)) targets[kind] = rule.targets(voteContext, playerId, kind, executioner);
  }
  const ballots = open ? ballotBox!.ballots : {};
  const result = context.history.find((r) => r.day === context.day) ?? null;
  return {
    type: plan.voteType,
    summary: rule.summary,
    open,
    step,
    voted: Object.keys(ballots).filter((voter) => filledKinds(ballots[voter]!).some((kind) => kinds.includes(kind))),
    myBallot: open ? (ballots[playerId] ?? null) : null,
    executioner: result?.executioner ?? executioner,
    targets,
    result,
    ballots: result ? context.today.ballots : null,
  };
}

function activityView(view: GameSnapshotView, playerId: string): ActivityView | null {
  const { context, pickBox } = view;
  const plan = context.plan[context.day - 1];
  if (!plan?.activity || (view.stage !== 'day' && view.stage !== 'finale')) return null;
  const open = view.regions.activity === 'picking' && pickBox !== null;
  const result = context.today.pickResult;
  const revealedPicks = context.today.picks ?? {};
  // Before the reveal the picks live in the activity child; after it, in the day's context.
  const picks = open ? pickBox!.picks : revealedPicks;
  const alive = aliveIds(context);
  return {
    kind: plan.activity,
    open,
    myPick: picks[playerId] ?? null,
    targets: open && alive.includes(playerId) ? alive.filter((id) => id !== playerId) : [],
    revealed: result ? { ...result, picks: revealedPicks } : null,
  };
}

/**
 * Each player's DM partners, in the order of `conversations`, indexed once per snapshot: the host
 * projects every player after every step, and scanning the up to 190 pairs per player was the
 * largest part of a projection. Keyed by the (read-only) array itself, so a new snapshot gets a new index.
 */
const partnerIndex = new WeakMap<readonly string[], Map<string, string[]>>();
function conversationsByPlayer(conversations: readonly string[]): Map<string, string[]> {
  let index = partnerIndex.get(conversations);
  if (!index) {
    index = extendedIndex(conversations) ?? indexFrom(new Map(), conversations, 0);
    partnerIndex.set(conversations, index);
    lastIndexed = { conversations, index };
  }
  return index;
}

/** The last list indexed: a DM that opens a conversation makes a list that only appends to it. */
let lastIndexed: { conversations: readonly string[]; index: Map<string, string[]> } | undefined;

/**
 * The last index, extended, when `conversations` is the last list with pairs appended. The last
 * index stays as it was (views hold its lists): the copy replaces each list it adds to.
 */
function extendedIndex(conversations: readonly string[]): Map<string, string[]> | undefined {
  const last = lastIndexed;
  if (!last || last.conversations.length >= conversations.length) return undefined;
  for (let i = 0; i < last.conversations.length; i++) if (last.conversations[i] !== conversations[i]) return undefined;
  return indexFrom(new Map(last.index), conversations, last.conversations.length, new Set());
}

/**
 * Adds the pairs from `start` on to `index`. With `owned` (the players whose list this index made
 * itself), a list it inherited is copied before it changes.
 */
function indexFrom(
  index: Map<string, string[]>,
  conversations: readonly string[],
  start: number,
  owned?: Set<string>,
): Map<string, string[]> {
  const partnersOf = (playerId: string): string[] => {
    let partners = index.get(playerId);
    if (!partners || (owned && !owned.has(playerId))) index.set(playerId, (partners = partners ? [...partners] : []));
    owned?.add(playerId);
    return partners;
  };
  for (let i = start; i < conversations.length; i++) {
    const [a, b] = conversations[i]!.split(' ') as [string, string];
    if (a === undefined || b === undefined) continue;
    partnersOf(a).push(b);
    if (b !== a) partnersOf(b).push(a);
  }
  return index;
}

/** A roster entry without a seat in the game's cast (not in the game). */
const NO_SEAT: GameContext['cast'][string] = { silver: 0, gold: 0, alive: false };

/** One member as the cast list shows them. */
function castMember(seat: GameContext['cast'][string], entry: PeckingOrderInit['roster'][number]): CastMember {
  return {
    playerId: entry.playerId,
    name: entry.name,
    bio: entry.bio ?? null,
    avatarUrl: entry.avatarUrl ?? null,
    alive: seat.alive,
    silver: seat.silver,
    gold: seat.gold,
  };
}

/** Per roster, the last cast list made and the cast it was made from (see {@link castList}). */
const lastList = new WeakMap<PeckingOrderInit['roster'], { cast: GameContext['cast']; list: CastMember[] }>();

/**
 * The public cast list, the same for every player: made once per cast object and roster
 * (machines/per-object.ts) and shared by every view of it, so views are read-only too. A new cast
 * (a DM or a transfer replaces it) keeps the last list's member for every seat that is the same
 * object, so a member changes only when their silver, gold or life does: compared with a lookup
 * per member, that is 20 identity checks where there were 40 WeakMap lookups per changed cast.
 */
const castList = perObjectPair((cast: GameContext['cast'], roster: PeckingOrderInit['roster']): CastMember[] => {
  const last = lastList.get(roster);
  const list = roster.map((entry, i) => {
    const seat = cast[entry.playerId] ?? NO_SEAT;
    return last && (last.cast[entry.playerId] ?? NO_SEAT) === seat ? last.list[i]! : castMember(seat, entry);
  });
  lastList.set(roster, { cast, list });
  return list;
});

/** The view of `playerId`. Pure; reads the persisted snapshot, never a live actor. */
/** Reads only the init's roster, so a version sharing pecking-order's roster and snapshot can reuse it (blitz@1). */
export function project({ snapshot, init, playerId, timers }: ProjectionInput<Pick<PeckingOrderInit, 'roster'>>): PlayerView {
  const view = readGameSnapshot(snapshot);
  const { context } = view;
  const seat = context.cast[playerId] ?? { silver: 0, gold: 0, alive: false };
  const inDay = view.stage === 'day' || view.stage === 'finale';
  const phase = phaseOf(view);
  let due = Number.POSITIVE_INFINITY;
  for (const timer of timers) due = Math.min(due, timer.dueAt);
  const phaseEndsAt = context.scheduling === 'ADMIN' || phase === 'gameOver' || timers.length === 0 ? null : due;
  const allowance = dmAllowance(context, playerId);
  return {
    playerId,
    me: { alive: seat.alive, silver: seat.silver, gold: seat.gold, juror: !seat.alive },
    cast: castList(context.cast, init.roster),
    day: context.day,
    dayCount: context.plan.length,
    theme: context.plan[context.day - 1]?.theme ?? null,
    phase,
    phaseEndsAt,
    scheduling: context.scheduling,
    open: {
      groupChat: view.stage === 'pregame' || view.regions.groupChat === 'open',
      dms: view.regions.dms === 'open',
      transfers: inDay && view.regions.transfers === 'open',
    },
    dms: {
      ...allowance,
      costPerMessage: ECONOMY.dmCost,
      conversationsWith: conversationsByPlayer(context.conversations).get(playerId) ?? [],
    },
    activity: activityView(view, playerId),
    vote: voteView(view, playerId),
    goldPool: context.goldPool,
    history: context.history,
    eliminated: context.eliminated,
    winner: context.winner,
    ending: context.ending,
  };
}
