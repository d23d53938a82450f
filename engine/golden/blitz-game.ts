/**
 * The game the golden envelopes of `blitz@1` come from (engine/golden/blitz@1/, written once by
 * `npm run golden:capture:blitz`, never rewritten): six players, STANDARD, timers on, bots
 * chatting, DMing and voting. Every later build must restore each and play it on to the end
 * (blitz-golden.test.ts), as pecking-order@1's must (golden.test.ts).
 */
import { blitzV1 } from '../../machines/blitz/v1';
import { readBlitzSnapshot } from '../../machines/blitz/v1/snapshot-reader';
import { makeBlitzInit } from '../../machines/blitz/testing/fixtures';
import { SimulatedRoom } from '../testing/simulated-room';
import { movePlayers, type GoldenEnvelope } from './golden-game';

export const BLITZ_GOLDEN_DIR = 'engine/golden/blitz@1';

export const BLITZ_GOLDEN_POINTS = ['pregame', 'mid-chat-with-dms', 'mid-vote', 'reveal', 'final-vote', 'game-over'] as const;
export type BlitzGoldenPoint = (typeof BLITZ_GOLDEN_POINTS)[number];

export type BlitzGoldenEnvelope = Omit<GoldenEnvelope, 'point'> & { point: BlitzGoldenPoint };

export function blitzGoldenRoom(): SimulatedRoom {
  return new SimulatedRoom({
    version: blitzV1,
    init: makeBlitzInit(6, { preset: 'STANDARD' }),
    room: { roomId: 'golden-blitz', seed: 'golden-blitz', createdAt: Date.UTC(2026, 11, 2, 2, 0, 0) },
  });
}

/** Plays the golden game, taking the stored state at the first moment of each golden point. */
export function captureBlitzGoldens(): Map<BlitzGoldenPoint, BlitzGoldenEnvelope> {
  const room = blitzGoldenRoom();
  const rng = new Map<string, () => number>();
  const taken = new Map<BlitzGoldenPoint, BlitzGoldenEnvelope>();
  const take = (point: BlitzGoldenPoint) => {
    if (!taken.has(point)) taken.set(point, { point, init: room.init, facts: room.facts, state: room.stored() });
  };
  take('pregame');
  for (let step = 0; !room.done && step < 100; step++) {
    movePlayers(room, rng);
    const view = readBlitzSnapshot(room.persisted());
    const dms = room.emitted('room.message').some((m) => m.members !== null);
    if (view.stage === 'day' && view.phase === 'social' && dms) take('mid-chat-with-dms');
    if (view.stage === 'day' && view.phase === 'voting' && room.persisted().children.vote) take('mid-vote');
    if (view.stage === 'day' && view.phase === 'results') take('reveal');
    if (view.stage === 'finale' && view.phase === 'voting') take('final-vote');
    room.advance();
  }
  if (room.done) take('game-over');
  return taken;
}
