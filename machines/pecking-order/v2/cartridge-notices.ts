/**
 * The pushes pecking-order@2's cartridges add to @1's (v1/notices.ts): a nudge, to its target
 * alone (cartridges/nudges/notices.ts). Read from the two persisted snapshots, as @1's are.
 */
import type { RoomNotice } from '../../machine-version';
import type { NudgesContext } from './cartridges/nudges/machine';
import { nudgeNotices } from './cartridges/nudges/notices';
import { readGameSnapshot } from './snapshot-reader';

function nudgesOf(snapshot: unknown): NudgesContext | undefined {
  try {
    return readGameSnapshot(snapshot).cartridges.nudges as NudgesContext | undefined;
  } catch {
    return undefined;
  }
}

export function cartridgeNotices(before: unknown, after: unknown): RoomNotice[] {
  return nudgeNotices(before === undefined ? undefined : nudgesOf(before), nudgesOf(after));
}
