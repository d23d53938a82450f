/**
 * The push a nudge is worth: to its target alone, naming who nudged them (which the target's view
 * says anyway), and nothing else. Pure, over the nudges child's context before and after a step
 * (the version's `notices` finds the child in the two snapshots).
 */
import type { RoomNotice } from '../../../../machine-version';
import type { NudgesContext } from './machine';

export function nudgeNotices(
  before: NudgesContext | undefined,
  after: NudgesContext | undefined,
  nameOf: (id: string) => string,
): RoomNotice[] {
  if (!after) return [];
  const known = before && before.day === after.day ? before.nudges.length : 0;
  return after.nudges.slice(known).map(({ from, to }) => ({
    key: `d${after.day}:nudge:${from}:${to}`,
    to: [to],
    title: 'You were nudged',
    body: `${nameOf(from)} nudged you.`,
    screen: 'today',
  }));
}
