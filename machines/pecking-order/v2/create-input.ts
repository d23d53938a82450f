/** The root actor's input of pecking-order@2: @1's, with each day's cartridges. Pure. */
import type { RoomFacts } from '../../machine-version';
import { createInput as v1CreateInput } from '../v1/create-input';
import type { GameInput } from './context';
import type { PeckingOrderInit } from './init-schema';

export function createInput(init: PeckingOrderInit, room: RoomFacts): GameInput {
  const base = v1CreateInput(init, room);
  return { ...base, plan: base.plan.map((day, i) => ({ ...day, cartridges: [...(init.manifest.days[i]?.cartridges ?? [])] })) };
}
