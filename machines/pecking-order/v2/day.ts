/**
 * A day of pecking-order@2: @1's day (v1/day.ts: phase, chat, DMs, transfers, activity, vote) and
 * one region per cartridge slot (cartridge-region.ts).
 */
import { dayState as v1DayState, type DayKind } from '../v1/day';
import { CARTRIDGES } from './cartridges';
import { cartridgeRegion } from './cartridge-region';

export function dayState(kind: DayKind) {
  const day = v1DayState(kind);
  return {
    ...day,
    states: { ...day.states, ...Object.fromEntries(CARTRIDGES.map((cartridge) => [cartridge.slot, cartridgeRegion(cartridge)])) },
  };
}
