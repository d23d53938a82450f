/**
 * The `pecking-order@1` vote and activity rules: pure, deterministic functions of (alive players
 * with silver, ballots, seed). The game machines call them; the rules catalog is generated from
 * their docs and `summary` texts.
 */
import { bubbleRule } from './bubble';
import { executionerRule } from './executioner';
import { finalsRule } from './finals';
import { majorityRule } from './majority';
import { podiumSacrificeRule } from './podium-sacrifice';
import { secondToLastRule } from './second-to-last';
import { shieldRule } from './shield';
import { trustPairsRule } from './trust-pairs';
import type { VoteRule, VoteType } from './types';

/** The rule of each vote type. EXECUTIONER's also has `elect` (see `executionerRule`). */
export const VOTE_RULES: Record<VoteType, VoteRule> = {
  MAJORITY: majorityRule,
  BUBBLE: bubbleRule,
  PODIUM_SACRIFICE: podiumSacrificeRule,
  SHIELD: shieldRule,
  EXECUTIONER: executionerRule,
  SECOND_TO_LAST: secondToLastRule,
  TRUST_PAIRS: trustPairsRule,
  FINALS: finalsRule,
};

export * from './types';
export * from './seeded-order';
export * from './silver-rank';
export * from './tally';
export * from './count-decision';
export * from './outcome';
export * from './explain';
export * from './contenders';
export * from './majority';
export * from './bubble';
export * from './podium-sacrifice';
export * from './shield';
export * from './executioner';
export * from './second-to-last';
export * from './trust-pairs';
export * from './finals';
export * from './player-pick';
