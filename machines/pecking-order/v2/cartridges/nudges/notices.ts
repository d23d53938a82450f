/**
 * The push a nudge is worth: to its target alone, and without naming who nudged (a push crosses a
 * push service, and a nudge is private to its pair; the app names the nudger once opened). Pure,
 * over the nudges child's context before and after a step (the version's `notices` finds the child
 * in the two snapshots).
 */
import type { RoomNotice } from '../../../../machine-version';
import type { NudgesContext } from './machine';

export function nudgeNotices(before: NudgesContext | undefined, after: NudgesContext | undefined): RoomNotice[] {
  if (!after) return [];
  const known = before && before.day === after.day ? before.nudges.length : 0;
  return after.nudges.slice(known).map(({ from, to }) => ({
    key: `d${after.day}:nudge:${from}:${to}`,
    to: [to],
    title: 'You were nudged',
    body: 'Someone nudged you. Open the game to see who.',
    screen: 'cast',
  }));
}
