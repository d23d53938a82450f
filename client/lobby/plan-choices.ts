/**
 * Which choices each day of the plan can take, and why not, before the host submits: the version's
 * own plan checks (`voteTypeIssue`, `activityIssue`) asked of every choice. Pure.
 */
import { VOTE_TYPES, type VoteType } from '../../machines/pecking-order/rules/types';
import { activityIssue, voteTypeIssue } from '../../machines/pecking-order/v1/day-plan';

export interface PlanDay {
  voteType: VoteType;
  playerPick: boolean;
}

/** One vote type for one day: null `issue` when the day can have it. */
export interface VoteChoice {
  voteType: VoteType;
  issue: string | null;
}

/** Every vote type for day `index` (0-based) of `days`, with why it cannot be that day's. */
export function voteChoices(days: readonly PlanDay[], index: number, players: number): VoteChoice[] {
  return VOTE_TYPES.map((voteType) => ({ voteType, issue: voteTypeIssue(voteType, index + 1, days.length, players) }));
}

/** Why day `index` cannot have the PLAYER_PICK activity, or null when it can. */
export function pickIssue(days: readonly PlanDay[], index: number): string | null {
  const day = days[index];
  return day ? activityIssue(day.voteType, index + 1) : null;
}
