/**
 * What pecking-order@2 remembers: everything @1 does (v1/context.ts), each day's cartridges in the
 * plan, and every closed cartridge's public results. An open cartridge's secrets live in its child.
 */
import type { DayPlan as V1DayPlan, GameContext as V1GameContext, GameInput as V1GameInput } from '../v1/context';
import { initialContext as v1InitialContext } from '../v1/context';
import type { CartridgeName } from './cartridges';

export interface DayPlan extends V1DayPlan {
  /** The day's cartridges, at most one per slot. */
  cartridges: CartridgeName[];
}

/** A closed cartridge: what it decided, public from its close on. */
export interface CartridgeRecord {
  day: number;
  slot: string;
  name: CartridgeName;
  /** The silver it moved: player → change, as applied (a balance never goes below 0). */
  silver: Record<string, number>;
  results: unknown;
}

export interface GameInput extends Omit<V1GameInput, 'plan'> {
  plan: DayPlan[];
}

export interface GameContext extends Omit<V1GameContext, 'plan'> {
  plan: DayPlan[];
  cartridges: CartridgeRecord[];
}

export function initialContext(input: GameInput): GameContext {
  return { ...v1InitialContext(input), plan: input.plan, cartridges: [] };
}
