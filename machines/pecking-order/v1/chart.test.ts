/**
 * pecking-order@1's chart is data: its JSON, built with its implementations and binding
 * (machines/chart/chart-binding.ts), is the same machine as the registered one, step by step,
 * through whole games. The TypeScript stays the source of a shipped version; this proves nothing
 * is lost on the way to JSON (docs/machines/, the workbench's drafts).
 */
import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { implementationsOf } from '../../chart/chart-binding';
import { chartOf } from '../../chart/chart-export';
import { versionFromChart } from '../../chart/draft-version';
import { makeInit } from '../testing/fixtures';
import { playGame } from '../testing/play';
import { defaultDayPlan } from './day-plan';
import { gameMachine, peckingOrderV1 } from './index';

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

function fromJson() {
  const children = Object.fromEntries(
    Object.entries(implementationsOf(gameMachine).actors).map(([src, child]) => [src, json(chartOf(child as typeof gameMachine))]),
  );
  const result = versionFromChart(peckingOrderV1, json(chartOf(gameMachine)), children);
  if (!('version' in result)) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.version;
}

describe('the chart of pecking-order@1', () => {
  it('is the same after a JSON round trip (nothing in it is lost to JSON)', () => {
    const rebuilt = fromJson();
    expect(chartOf(rebuilt.machine)).toEqual(chartOf(gameMachine));
    for (const src of ['vote', 'playerPick']) {
      expect(chartOf(implementationsOf(rebuilt.machine).actors[src] as typeof gameMachine)).toEqual(
        chartOf(implementationsOf(gameMachine).actors[src] as typeof gameMachine),
      );
    }
  });

  it.each([
    [3, 'FAST', 'PRE_SCHEDULED'],
    [8, 'FAST', 'PRE_SCHEDULED'],
    [6, 'DEFAULT', 'PRE_SCHEDULED'],
    [12, 'DEFAULT', 'PRE_SCHEDULED'],
    [5, 'FAST', 'ADMIN'],
  ] as const)(
    'built from JSON, plays a %i-player %s %s game exactly like the registered machine, step by step',
    (players, preset, scheduling) => {
      // PLAYER_PICK on day 1 so the activity child runs too; every vote type of the default plan runs its vote child.
      const days = defaultDayPlan(players).map((day, i) => (i === 0 ? { ...day, activity: 'PLAYER_PICK' as const } : day));
      const init = makeInit(players, { preset, scheduling, days });
      const ids = init.roster.map((p) => p.playerId);
      const room = { seed: `chart-${players}-${preset}` };
      const registered = new SimulatedRoom({ version: peckingOrderV1, init, room });
      const charted = new SimulatedRoom({ version: fromJson(), init, room });
      playGame(registered, ids, { botSeed: 'chart' });
      playGame(charted, ids, { botSeed: 'chart' });
      expect(registered.done).toBe(true);
      expect(charted.results.length).toBe(registered.results.length);
      charted.results.forEach((result, i) => {
        const original = registered.results[i]!;
        expect(result.state, `step ${i}: stored state (snapshot and timers)`).toEqual(original.state);
        expect(result.emitted, `step ${i}: effects`).toEqual(original.emitted);
      });
    },
    60_000,
  );
});
