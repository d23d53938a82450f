/**
 * Views as patches, checked as a property: whole simulated games with random moves, random
 * waits and random restores; after every step, every player's view as a client holds it — the
 * first view whole, then each change as the room would send it (a patch applied with the client's
 * own code, or whole), and nothing at all for players whose view did not change — equals the view
 * freshly projected for that player.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patchedView } from '../client/play/view-patch';
import { seededRandom } from '../machines/pecking-order/rules';
import { decideBotMove } from '../machines/pecking-order/testing/bots';
import { makeInit } from '../machines/pecking-order/testing/fixtures';
import { defaultDayPlan } from '../machines/pecking-order/v1/day-plan';
import { peckingOrderV1 } from '../machines/pecking-order/v1';
import type { StepResult } from './host';
import { SimulatedRoom } from './testing/simulated-room';

type Held = Map<string, { view: unknown; seq: number }>;

function receive(held: Held, result: StepResult): { patches: number; wholes: number } {
  let patches = 0;
  let wholes = 0;
  for (const [playerId, change] of result.views) {
    const mine = held.get(playerId) ?? { view: null, seq: -1 };
    if (change.patch) {
      const next = patchedView(mine, { seq: result.state.seq, base: change.patch.since, ops: change.patch.ops });
      if (next === null || next === 'stale')
        throw new Error(`${playerId}: the patch at ${result.state.seq} (base ${change.patch.since}) does not fit the view of ${mine.seq}`);
      held.set(playerId, { view: next, seq: result.state.seq });
      patches++;
    } else {
      held.set(playerId, { view: JSON.parse(JSON.stringify(change.view)), seq: result.state.seq });
      wholes++;
    }
  }
  return { patches, wholes };
}

describe('views as patches', () => {
  it('keep every player’s view equal to a fresh projection, after every step of random games', () => {
    let patches = 0;
    fc.assert(
      fc.property(
        fc.record({
          players: fc.integer({ min: 3, max: 9 }),
          seed: fc.string({ minLength: 1, maxLength: 8 }),
          steps: fc.array(
            fc.oneof(
              fc.constant('move' as const),
              fc.constant('move' as const),
              fc.constant('wait' as const),
              fc.constant('restore' as const),
            ),
            {
              minLength: 20,
              maxLength: 160,
            },
          ),
        }),
        ({ players, seed, steps }) => {
          const days = defaultDayPlan(players).map((day, i) => (i === 0 ? { ...day, activity: 'PLAYER_PICK' as const } : day));
          const init = makeInit(players, { preset: 'FAST', days });
          const ids = init.roster.map((p) => p.playerId);
          let room = new SimulatedRoom({ version: peckingOrderV1, init, room: { seed } });
          const held: Held = new Map();
          receive(held, room.results[0]!);
          const random = seededRandom(`patches:${seed}`);
          for (const step of steps) {
            if (room.done) break;
            if (step === 'restore') {
              room = new SimulatedRoom({ version: peckingOrderV1, init, room: { seed }, restoreFrom: room.stored() });
              continue;
            }
            let result: StepResult | undefined;
            if (step === 'wait') {
              const before = room.results.length;
              room.advance();
              result = room.results[before];
            } else {
              const playerId = ids[Math.floor(random() * ids.length)]!;
              const move = decideBotMove(room.view(playerId), random);
              if (move) result = room.step({ type: 'player', playerId, event: { ...move.payload, type: move.type } });
            }
            if (result) patches += receive(held, result).patches;
            for (const playerId of ids) {
              expect(held.get(playerId)?.view, `${playerId} after seq ${room.stored().seq}`).toEqual(
                JSON.parse(JSON.stringify(room.view(playerId))),
              );
            }
          }
        },
      ),
      { numRuns: 40, seed: 20261201 },
    );
    // The property is about patches: make sure they were there to test.
    expect(patches).toBeGreaterThan(100);
  });
});
