/** Casts and init payloads for tests. */
import { defaultDayPlan } from '../v1/day-plan';
import type { DaySpec } from '../v1/manifest';
import type { PresetName } from '../v1/presets';

export function makeRoster(players: number) {
  return Array.from({ length: players }, (_, i) => ({
    playerId: `p${i + 1}`,
    name: `Player ${i + 1}`,
    bio: `Bio of player ${i + 1}`,
  }));
}

export function makeInit(
  players: number,
  options: { preset?: PresetName; scheduling?: 'PRE_SCHEDULED' | 'ADMIN'; days?: DaySpec[]; startingSilver?: number } = {},
) {
  return {
    roster: makeRoster(players),
    manifest: {
      preset: options.preset ?? 'TEST',
      scheduling: options.scheduling ?? 'PRE_SCHEDULED',
      days: options.days ?? defaultDayPlan(players),
      ...(options.startingSilver !== undefined ? { startingSilver: options.startingSilver } : {}),
    },
  };
}
