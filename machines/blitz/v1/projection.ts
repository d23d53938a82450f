/**
 * A blitz player's view: pecking-order's view (the player app renders it as it is), read from the
 * blitz snapshot, and saying that a day is called a round. What pecking-order's projection keeps
 * secret stays secret: no ballot before the reveal, no DM at all (see its header).
 */
import type { ProjectionInput } from '../../machine-version';
import { project as projectPeckingOrder, type PlayerView } from '../../pecking-order/v1/projection';
import type { BlitzInit } from './init-schema';
import { asPeckingOrderSnapshot } from './snapshot-reader';

/** What blitz calls a day on screen. */
export const BLITZ_DAY_WORD = 'Round';

export function projectBlitz({ snapshot, init, playerId, timers }: ProjectionInput<BlitzInit>): PlayerView {
  const view = projectPeckingOrder({ snapshot: asPeckingOrderSnapshot(snapshot), init, playerId, timers });
  return { ...view, dayWord: BLITZ_DAY_WORD };
}
