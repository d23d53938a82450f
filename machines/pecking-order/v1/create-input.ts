/** The root actor's input: the validated init payload and the room's facts, turned into game terms. Pure. */
import type { RoomFacts } from '../../machine-version';
import type { GameInput } from './context';
import { ECONOMY } from './economy';
import type { PeckingOrderInit } from './init-schema';
import { timingOf } from './timeline';

export function createInput(init: PeckingOrderInit, room: RoomFacts): GameInput {
  const { manifest, roster } = init;
  return {
    seed: room.seed,
    scheduling: manifest.scheduling,
    timing: timingOf(manifest, room.createdAt),
    plan: manifest.days.map((day) => ({
      voteType: day.voteType,
      activity: day.activity ?? null,
      theme: day.theme ?? null,
    })),
    players: roster.map((entry) => entry.playerId),
    startingSilver: manifest.startingSilver ?? ECONOMY.startingSilver,
  };
}
