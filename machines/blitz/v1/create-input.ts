/**
 * The blitz machine's input, in pecking-order's terms (the chart runs on its vocabulary: see
 * machine.ts): the rounds are the day plan, and a round's chat, vote and reveal are the social,
 * voting and results phases. Blitz has no morning and no night; their delays are never used.
 */
import type { RoomFacts } from '../../machine-version';
import type { GameInput } from '../../pecking-order/v1/context';
import { ECONOMY } from '../../pecking-order/v1/economy';
import type { Timing } from '../../pecking-order/v1/timeline';
import type { BlitzInit } from './init-schema';
import { BLITZ_PRESETS, roundLengths } from './presets';
import { roundPlan } from './round-plan';

/** The machine's delays for a cast of `players` under the manifest's preset. */
export function blitzTiming(manifest: BlitzInit['manifest'], players: number): Timing {
  const preset = BLITZ_PRESETS[manifest.preset];
  const { chat, vote, reveal } = roundLengths(preset, players);
  return { pregame: preset.pregame, morning: 0, social: chat, voting: vote, election: 0, results: reveal, night: 0 };
}

export function createBlitzInput(init: BlitzInit, room: RoomFacts): GameInput {
  const players = init.roster.length;
  return {
    seed: room.seed,
    scheduling: init.manifest.scheduling,
    timing: blitzTiming(init.manifest, players),
    plan: roundPlan(init.manifest.rounds, players),
    players: init.roster.map((entry) => entry.playerId),
    startingSilver: init.manifest.startingSilver ?? ECONOMY.startingSilver,
  };
}
