/**
 * Reads the root actor's persisted snapshot (the JSON the room stores) in game terms: which stage
 * and phase the game is in, which of the day's regions are open, and its children's contexts. The
 * projection reads through this file only, so the snapshot's shape is known in one place.
 */
import { perObject } from '../../per-object';
import type { PickBoxContext } from './activity/pick-box';
import type { GameContext } from './context';
import type { Phase } from './presets';
import type { BallotBoxContext } from './vote/ballot-box';
import type { VoteStep } from './vote/ballots';

export type Stage = 'pregame' | 'day' | 'finale' | 'gameOver';

export interface GameSnapshotView {
  status: string;
  context: GameContext;
  stage: Stage;
  /** The day's phase; null in pregame and game over. */
  phase: Phase | null;
  /** During voting: the election (EXECUTIONER's first step) or the ballot. */
  voteStep: VoteStep | null;
  /** Each day region's current state, e.g. `{ dms: 'open', vote: 'revealed' }`; {} outside a day. */
  regions: Record<string, string>;
  /** The vote child's context while the vote is open; null otherwise. */
  ballotBox: BallotBoxContext | null;
  /** The activity child's context while the activity is open; null otherwise. */
  pickBox: PickBoxContext | null;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const firstKey = (value: unknown): string | null =>
  typeof value === 'string' ? value : isObject(value) ? (Object.keys(value)[0] ?? null) : null;

/** Reads a persisted snapshot; throws when it is not one of this machine's. */
/**
 * Reads a snapshot; the same reading for the same (read-only) snapshot object, since every
 * player's projection of one step reads it (machines/per-object.ts). Callers must not change it.
 */
export function readGameSnapshot(snapshot: unknown): GameSnapshotView {
  return isObject(snapshot) ? readOnce(snapshot) : read(snapshot);
}

const readOnce = perObject((snapshot: Json) => read(snapshot));

function read(snapshot: unknown): GameSnapshotView {
  if (!isObject(snapshot) || !isObject(snapshot.context)) {
    throw new Error('Not a pecking-order@1 snapshot: it has no context.');
  }
  const stage = firstKey(snapshot.value) as Stage | null;
  if (stage !== 'pregame' && stage !== 'day' && stage !== 'finale' && stage !== 'gameOver') {
    throw new Error(`Not a pecking-order@1 snapshot: unknown state ${JSON.stringify(snapshot.value)}.`);
  }
  const dayValue = stage === 'day' || stage === 'finale' ? (snapshot.value as Json)[stage] : null;
  const regions: Record<string, string> = {};
  let phase: Phase | null = null;
  let voteStep: VoteStep | null = null;
  if (isObject(dayValue)) {
    for (const [region, state] of Object.entries(dayValue)) {
      if (region !== 'phase') regions[region] = firstKey(state) ?? '';
    }
    phase = firstKey(dayValue.phase) as Phase | null;
    if (phase === 'voting') {
      const step = firstKey((dayValue.phase as Json).voting);
      voteStep = step === 'election' || step === 'ballot' ? step : null;
    }
  }
  const children = isObject(snapshot.children) ? snapshot.children : {};
  const childContext = (id: string): Json | null => {
    const child = children[id];
    return isObject(child) && isObject(child.snapshot) && isObject(child.snapshot.context) ? child.snapshot.context : null;
  };
  return {
    status: String(snapshot.status),
    context: snapshot.context as unknown as GameContext,
    stage,
    phase,
    voteStep,
    regions,
    ballotBox: childContext('vote') as BallotBoxContext | null,
    pickBox: childContext('activity') as PickBoxContext | null,
  };
}
