/**
 * The parts of a player's view that pecking-order@2's social cartridges add (absent in @1 rooms,
 * and on days that do not name them): the app shows a cartridge's controls only when its part is
 * there, so @1 games look as they did.
 */
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import type { ConfessionsView } from '../../machines/pecking-order/v2/cartridges/confessions/view';
import type { NudgesView } from '../../machines/pecking-order/v2/cartridges/nudges/view';
import type { WhispersView } from '../../machines/pecking-order/v2/cartridges/whispers/view';

export interface SocialViews {
  confessions?: ConfessionsView;
  whispers?: WhispersView;
  nudges?: NudgesView;
}

export function socialViews(view: PlayerView): SocialViews {
  // @2's view lists today's cartridges, each with its slot; @1's has none.
  const cartridges = (view as PlayerView & { cartridges?: readonly { slot: string }[] }).cartridges ?? [];
  const find = <T>(slot: string) => cartridges.find((c) => c.slot === slot) as T | undefined;
  const confessions = find<ConfessionsView>('confessions');
  const whispers = find<WhispersView>('whispers');
  const nudges = find<NudgesView>('nudges');
  return { ...(confessions ? { confessions } : {}), ...(whispers ? { whispers } : {}), ...(nudges ? { nudges } : {}) };
}
