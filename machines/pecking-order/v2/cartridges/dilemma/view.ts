/**
 * What a player sees of the day's dilemma: its rule's numbers, their own pledge or name while it is
 * open, and, once it closed, the whole result. Never another player's pledge or name before the
 * close, and not how many pledged (the threshold would tell whether it is worth it).
 */
import type { DilemmaContext, DilemmaResults } from './machine';
import { GAMBIT_STAKE, gambitThreshold, SPOTLIGHT_REWARD, type DilemmaName } from './rule';

export interface DilemmaView {
  slot: 'dilemma';
  name: DilemmaName;
  open: boolean;
  /** SILVER_GAMBIT: the stake and how many pledges it needs now; SPOTLIGHT: the reward. */
  stake: number;
  needed: number;
  reward: number;
  /** SILVER_GAMBIT: whether this player pledged. */
  myPledge: boolean;
  /** SPOTLIGHT: whom this player named. */
  myName: string | null;
  /** Whether this player may act now, and (SPOTLIGHT) whom they may name. */
  canAct: boolean;
  targets: string[];
  results: DilemmaResults | null;
}

export function dilemmaView(input: {
  name: DilemmaName;
  child: DilemmaContext | null;
  results: DilemmaResults | null;
  playerId: string;
  alive: boolean;
  aliveIds: readonly string[];
}): DilemmaView {
  const { child, playerId } = input;
  const canAct = child !== null && input.alive;
  return {
    slot: 'dilemma',
    name: input.name,
    open: child !== null,
    stake: GAMBIT_STAKE,
    needed: gambitThreshold(input.aliveIds.length),
    reward: SPOTLIGHT_REWARD,
    myPledge: child?.pledges.includes(playerId) ?? false,
    myName: child?.named[playerId] ?? null,
    canAct,
    targets: canAct && input.name === 'SPOTLIGHT' ? input.aliveIds.filter((id) => id !== playerId) : [],
    results: input.results,
  };
}
