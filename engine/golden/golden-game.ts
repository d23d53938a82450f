/**
 * The game the golden envelopes of `pecking-order@1` come from, and how to play any stored point
 * of it on to the end. Shared by the capture script (engine/golden/capture.ts, run by hand) and
 * the test that restores every golden envelope under the current build (golden.test.ts).
 */
import type { RoomFacts } from '../../machines/machine-version';
import { seededRandom } from '../../machines/pecking-order/rules';
import { decideBotMove } from '../../machines/pecking-order/testing/bots';
import { makeInit } from '../../machines/pecking-order/testing/fixtures';
import { spotOf } from '../../machines/pecking-order/testing/stepping';
import { defaultDayPlan } from '../../machines/pecking-order/v1/day-plan';
import type { StoredState } from '../host';
import { SimulatedRoom } from '../testing/simulated-room';
import { peckingOrderV1 } from '../../machines/pecking-order/v1';

/** A golden envelope: what a room stored at one point of a game, with what it needs to resume. */
export interface GoldenEnvelope {
  /** Where in the game it was taken. */
  point: GoldenPoint;
  /** The room's init payload without `machine`, and its facts. */
  init: unknown;
  facts: RoomFacts;
  state: StoredState;
}

export const GOLDEN_POINTS = ['pregame', 'mid-day-with-dms', 'mid-activity', 'mid-vote', 'night', 'game-over'] as const;
export type GoldenPoint = (typeof GOLDEN_POINTS)[number];

/** Six players, FAST, a PLAYER_PICK on day 1: every kind of child and timer appears. */
export function goldenRoom(): SimulatedRoom {
  const days = defaultDayPlan(6).map((day, i) => (i === 0 ? { ...day, activity: 'PLAYER_PICK' as const } : day));
  return new SimulatedRoom({
    version: peckingOrderV1,
    init: makeInit(6, { preset: 'FAST', days }),
    room: { roomId: 'golden-room', seed: 'golden-room', createdAt: Date.UTC(2026, 10, 1, 9, 0, 0) },
  });
}

/** Every alive player makes a few bot moves. */
export function movePlayers(room: SimulatedRoom, rng: Map<string, () => number>, rounds = 2): void {
  for (let round = 0; round < rounds && !room.done; round++) {
    for (const { playerId } of room.init.roster as { playerId: string }[]) {
      const random = rng.get(playerId) ?? rng.set(playerId, seededRandom(`golden:${playerId}`)).get(playerId)!;
      const move = decideBotMove(room.view(playerId), random);
      if (move) room.step({ type: 'player', playerId, event: { ...move.payload, type: move.type } });
    }
  }
}

/** Plays a room on to the end: bots move in every phase, then time moves to the next timer. */
export function playToEnd(room: SimulatedRoom, maxPhases = 200): void {
  const rng = new Map<string, () => number>();
  for (let phase = 0; !room.done; phase++) {
    if (phase > maxPhases) throw new Error(`the game did not end within ${maxPhases} phases; it is at ${JSON.stringify(spotOf(room))}`);
    movePlayers(room, rng);
    if (!room.done && !room.advance()) throw new Error(`the game waits for nothing at ${JSON.stringify(spotOf(room))}`);
  }
}
