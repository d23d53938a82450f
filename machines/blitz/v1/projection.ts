/**
 * A blitz player's view: pecking-order's view (the player app renders it as it is), read from the
 * blitz snapshot, saying that a day is called a round, and with the gold each cast member's wallet
 * carried into this game (machines/wallet.ts). What pecking-order's projection keeps
 * secret stays secret: no ballot before the reveal, no DM at all (see its header).
 */
import type { ProjectionInput } from '../../machine-version';
import { project as projectPeckingOrder, type PlayerView } from '../../pecking-order/v1/projection';
import type { BlitzInit } from './init-schema';
import { carriedGoldOf } from './payouts';
import { asPeckingOrderSnapshot } from './snapshot-reader';

/** What blitz calls a day on screen. */
export const BLITZ_DAY_WORD = 'Round';

export interface BlitzPlayerView extends Omit<PlayerView, 'cast'> {
  /** pecking-order's cast, and the gold each member's wallet carried into this game. */
  cast: (PlayerView['cast'][number] & { carriedGold: number })[];
}

export function projectBlitz({ snapshot, init, playerId, timers }: ProjectionInput<BlitzInit>): BlitzPlayerView {
  const view = projectPeckingOrder({ snapshot: asPeckingOrderSnapshot(snapshot), init, playerId, timers });
  const cast = view.cast.map((member) => ({ ...member, carriedGold: carriedGoldOf(init, member.playerId) }));
  return { ...view, cast, dayWord: BLITZ_DAY_WORD };
}
