/**
 * Whether a list of days can be played by a cast of a given size, and a good default list. Day k
 * starts with `players − (k − 1)` alive, since every day before it eliminated one player.
 */
import { VOTE_RULES, type VoteType } from '../rules';
import type { DaySpec } from './manifest';

/** Players alive at the start of day `day` (1-based) when every earlier day eliminated one. */
export function aliveAtStartOfDay(players: number, day: number): number {
  return players - (day - 1);
}

/** The alive players a vote type needs at the start of its day. */
export function minAliveFor(voteType: VoteType): number {
  return VOTE_RULES[voteType].minAlive;
}

export interface PlanIssue {
  /** Path inside the manifest, e.g. `['days', 3, 'voteType']`. */
  path: (string | number)[];
  message: string;
}

/**
 * Why `voteType` cannot be day `day` (1-based) of a `dayCount`-day plan for `players` players, or
 * null when it can: FINALS only last, the last day only FINALS, and enough players alive at the
 * start of the day. The lobby asks this of every choice before the host picks one.
 */
export function voteTypeIssue(voteType: VoteType, day: number, dayCount: number, players: number): string | null {
  if (voteType === 'FINALS' && day < dayCount) {
    return `Day ${day} is FINALS, but FINALS can only be the last day (day ${dayCount}).`;
  }
  if (voteType !== 'FINALS' && day === dayCount) {
    return `The last day (day ${day}) must be FINALS, where the jury picks the winner; it is ${voteType}.`;
  }
  const alive = aliveAtStartOfDay(players, day);
  const needed = minAliveFor(voteType);
  if (alive < needed) {
    return (
      `Day ${day}'s ${voteType} vote needs ${needed} players alive at the start of the day; with ` +
      `${players} players, day ${day} starts with ${alive}.`
    );
  }
  return null;
}

/**
 * Why a day with `voteType` cannot have an activity, or null when it can. The FINALS day has none:
 * only the finalists could pick, and only each other, so it would hand both the same silver.
 */
export function activityIssue(voteType: VoteType, day: number): string | null {
  return voteType === 'FINALS'
    ? `Day ${day} is the FINALS: it has no activity (only the finalists could pick, and only each other).`
    : null;
}

/** Every reason the days cannot be played by `players` players; [] when they can. Pure. */
export function checkDayPlan(days: readonly Pick<DaySpec, 'voteType' | 'activity'>[], players: number): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (days.length === 0) return issues;
  const last = days.length;
  const eliminationDays = last - 1;
  if (eliminationDays > players - 2) {
    issues.push({
      path: ['days'],
      message:
        `${eliminationDays} elimination days need at least ${eliminationDays + 2} players (each removes one and the ` +
        `finale needs 2); the roster has ${players}. Use at most ${Math.max(0, players - 2)} elimination days.`,
    });
  }
  days.forEach((day, i) => {
    const voteIssue = voteTypeIssue(day.voteType, i + 1, last, players);
    if (voteIssue) issues.push({ path: ['days', i, 'voteType'], message: voteIssue });
  });
  return issues;
}

/**
 * Rules a new game's plan must follow that pecking-order@1 did not check when it shipped (an
 * activity on the FINALS day). They are checked when a game is created (`checkInit`), never on
 * restore: a stored game that began under the old rules must go on restoring.
 */
export function newGamePlanIssues(days: readonly Pick<DaySpec, 'voteType' | 'activity'>[]): PlanIssue[] {
  return days.flatMap((day, i) => {
    const issue = day.activity ? activityIssue(day.voteType, i + 1) : null;
    return issue ? [{ path: ['days', i, 'activity'], message: issue }] : [];
  });
}

/** The vote types a default plan cycles through, most social first. */
const ROTATION: readonly VoteType[] = ['MAJORITY', 'BUBBLE', 'PODIUM_SACRIFICE', 'SHIELD', 'EXECUTIONER', 'TRUST_PAIRS', 'SECOND_TO_LAST'];

/** The rotation's first vote type from position `start` on that `alive` players can play (MAJORITY needs only 3). */
function firstFitting(start: number, alive: number): VoteType {
  for (let i = 0; i < ROTATION.length; i++) {
    const voteType = ROTATION[(start + i) % ROTATION.length]!;
    if (minAliveFor(voteType) <= alive) return voteType;
  }
  return 'MAJORITY';
}

/**
 * A valid day plan for `players` players (3–20): the 7-day arc when the cast allows it (fewer days
 * for a small cast), each elimination day taking the next vote type of the rotation that the day's
 * alive count supports, a PLAYER_PICK activity on odd days, FINALS last.
 */
export function defaultDayPlan(players: number, dayCount: number = Math.min(7, players - 1)): DaySpec[] {
  const days = Math.max(1, Math.min(dayCount, players - 1));
  const plan: DaySpec[] = [];
  for (let day = 1; day < days; day++) {
    const alive = aliveAtStartOfDay(players, day);
    const voteType = firstFitting(day - 1, alive);
    plan.push(day % 2 === 1 ? { voteType, activity: 'PLAYER_PICK' } : { voteType });
  }
  plan.push({ voteType: 'FINALS' });
  return plan;
}
