/** Every golden envelope of pecking-order@1 upgrades to @2 (engine/migration.ts judges it) and plays on to a winner there. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoldenEnvelope } from '../../../engine/golden/golden-game';
import { playToEnd } from '../../../engine/golden/golden-game';
import { migrate } from '../../../engine/migration';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { upgradeProblems } from '../../../engine/upgrade-check';
import { peckingOrderV1 } from '../v1';
import { peckingOrderV2 } from './index';
import { migrateFromV1 } from './migration';

const dir = 'engine/golden/pecking-order@1';
const goldens: GoldenEnvelope[] = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));

describe('the upgrade from pecking-order@1', () => {
  it('moves every golden envelope (engine/upgrade-check.ts)', () => {
    expect(upgradeProblems(peckingOrderV2)).toEqual([]);
  });

  describe.each(goldens.map((g) => [g.point, g] as const))('%s', (_point, golden) => {
    const clock = { now: () => golden.state.at };
    const migrated = migrate({
      from: peckingOrderV1,
      to: peckingOrderV2,
      stored: golden.state,
      init: golden.init,
      facts: golden.facts,
      options: { clock, views: false },
    });

    it('keeps the game: cast, day, timers and children as they were', () => {
      const before = JSON.parse(golden.state.snapshot);
      const after = JSON.parse(migrated.state.snapshot);
      expect(migrated.state.machine).toBe('pecking-order@2');
      expect(after.context.cast).toEqual(before.context.cast);
      expect(after.context.day).toBe(before.context.day);
      expect(after.context.cartridges).toEqual([]);
      expect(Object.keys(after.children)).toEqual(Object.keys(before.children));
      expect(migrated.state.timers).toEqual(golden.state.timers);
    });

    it('plays on to a winner on @2', () => {
      const room = new SimulatedRoom({ version: peckingOrderV2, init: migrated.init, room: golden.facts, restoreFrom: migrated.state });
      playToEnd(room);
      const final = room.persisted();
      expect(final.value).toBe('gameOver');
      expect(final.context.winner).toEqual(expect.any(String));
      expect(room.view('p1').cartridges).toEqual([]);
    });
  });

  it('gives a game inside a day the cartridge regions, with no cartridge', () => {
    const midDay = goldens.find((g) => g.point === 'mid-day-with-dms')!;
    const after = migrateFromV1({ machine: 'pecking-order@1', snapshot: JSON.parse(midDay.state.snapshot), timers: [] });
    const stage = Object.keys(after.snapshot.value)[0]!;
    expect(after.snapshot.value[stage]).toMatchObject({ prompt: 'none', dilemma: 'none' });
  });

  it('refuses an envelope of another machine', () => {
    expect(() => migrateFromV1({ machine: 'pecking-order@2', snapshot: {}, timers: [] })).toThrow(/Only pecking-order@1/);
  });
});
