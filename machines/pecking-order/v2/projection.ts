/**
 * A player's view of pecking-order@2: @1's view (v1/projection.ts, unchanged) and today's
 * cartridges, each through its own `view.ts`, which keeps its secrets: a cartridge's answers,
 * pledges or names are in its open child only, and its view shows the player their own.
 */
import type { ProjectionInput } from '../../machine-version';
import { perObjectPair } from '../../per-object';
import { aliveIds } from '../v1/cast';
import { project as v1Project, type PlayerView as V1PlayerView } from '../v1/projection';
import type { PeckingOrderInit as V1Init } from '../v1/init-schema';
import { cartridgeOf, type CartridgeView } from './cartridges';
import type { PeckingOrderInit } from './init-schema';
import { carriedGoldOf } from './payouts';
import { readGameSnapshot } from './snapshot-reader';

export type { CartridgeView } from './cartridges';
export type { PromptView } from './cartridges/prompt/view';
export type { DilemmaView } from './cartridges/dilemma/view';
export type { PromptResults } from './cartridges/prompt/machine';
export type { DilemmaResults } from './cartridges/dilemma/machine';
export type { CastMember, VoteView, ActivityView, ViewPhase } from '../v1/projection';

export interface PlayerView extends Omit<V1PlayerView, 'cast'> {
  /** @1's cast, and the gold each member's wallet carried into this game (machines/wallet.ts). */
  cast: (V1PlayerView['cast'][number] & { carriedGold: number })[];
  /** Today's cartridges, in the plan's order; [] on a day without any, in pregame and at game over. */
  cartridges: CartridgeView[];
}

/** Per init, the last @1 cast list extended and what it became (see {@link castWithWallets}). */
const lastCast = new WeakMap<PeckingOrderInit, { from: V1PlayerView['cast']; cast: PlayerView['cast'] }>();

/**
 * @1's cast list with each member's carried gold: once per list and init (machines/per-object.ts),
 * shared by every view of it. A new list keeps the last one's member wherever @1's member is the
 * same object (its seat did not change), so a member object changes exactly when @1's does.
 */
const castWithWallets = perObjectPair((cast: V1PlayerView['cast'], init: PeckingOrderInit): PlayerView['cast'] => {
  const last = lastCast.get(init);
  const extended = cast.map((member, i) =>
    last && last.from[i] === member ? last.cast[i]! : { ...member, carriedGold: carriedGoldOf(init, member.playerId) },
  );
  lastCast.set(init, { from: cast, cast: extended });
  return extended;
});

export function project(input: ProjectionInput<PeckingOrderInit>): PlayerView {
  const base = v1Project(input as unknown as ProjectionInput<V1Init>);
  const view = readGameSnapshot(input.snapshot);
  const { context } = view;
  const inDay = view.stage === 'day' || view.stage === 'finale';
  const names = inDay ? (context.plan[context.day - 1]?.cartridges ?? []) : [];
  const alive = aliveIds(context);
  const cartridges = names.flatMap((name) => {
    const cartridge = cartridgeOf(name);
    if (!cartridge) return [];
    const record = context.cartridges.find((r) => r.day === context.day && r.slot === cartridge.slot);
    return [
      cartridge.view({
        name,
        child: view.cartridges[cartridge.slot] ?? null,
        results: record?.results ?? null,
        playerId: input.playerId,
        alive: alive.includes(input.playerId),
        aliveIds: alive,
      }),
    ];
  });
  const cast = castWithWallets(base.cast, input.init);
  return { ...base, cast, cartridges };
}
