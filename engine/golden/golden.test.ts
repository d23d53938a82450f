/**
 * Every golden envelope of `pecking-order@1` (captured once from a real game by
 * `npm run golden:capture`, and never rewritten) restores under this build and plays on to the
 * end. A future version must keep this true, or migrate them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../machines/catalog';
import { SimulatedRoom } from '../testing/simulated-room';
import { GOLDEN_POINTS, playToEnd, type GoldenEnvelope } from './golden-game';

const dir = 'engine/golden/pecking-order@1';
const goldens: GoldenEnvelope[] = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));

describe('golden envelopes of pecking-order@1', () => {
  it('cover every point of a game', () => {
    expect(goldens.map((g) => g.point).sort()).toEqual([...GOLDEN_POINTS].sort());
    const children = (point: string) => Object.keys(JSON.parse(goldens.find((g) => g.point === point)!.state.snapshot).children);
    expect(children('mid-vote')).toEqual(['vote']);
    expect(children('mid-activity')).toEqual(['activity']);
  });

  describe.each(goldens.map((g) => [g.point, g] as const))('%s', (_point, golden) => {
    it('restores under this build exactly as stored, with its timers', () => {
      const version = catalog.get(golden.state.machine)!;
      expect(version, `${golden.state.machine} is registered`).toBeDefined();
      const room = new SimulatedRoom({ version, init: golden.init, room: golden.facts, restoreFrom: golden.state });
      expect(room.stored()).toEqual(golden.state);
      expect(room.timers().map((t) => t.dueAt)).toEqual(golden.state.timers.map((t) => t.dueAt));
    });

    it('plays on to the end of the game', () => {
      const version = catalog.get(golden.state.machine)!;
      const room = new SimulatedRoom({ version, init: golden.init, room: golden.facts, restoreFrom: golden.state });
      playToEnd(room);
      const final = room.persisted();
      expect(final.value).toBe('gameOver');
      expect(final.context.winner).toEqual(expect.any(String));
      expect(room.stored().seq).toBeGreaterThanOrEqual(golden.state.seq);
      expect(room.step({ type: 'player', playerId: 'p1', event: { type: 'chat.post', text: 'still there?' } }).input).toMatchObject({
        status: 'rejected',
        error: { code: 'GAME_OVER' },
      });
    });
  });
});
