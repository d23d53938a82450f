/**
 * Every golden envelope of `blitz@1` (captured once by `npm run golden:capture:blitz`, never
 * rewritten) restores under this build and plays on to the end: a running blitz room keeps its
 * version for life, whatever ships after it. A future version must keep this true, or migrate them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../machines/catalog';
import { SimulatedRoom } from '../testing/simulated-room';
import { BLITZ_GOLDEN_DIR, BLITZ_GOLDEN_POINTS, type BlitzGoldenEnvelope } from './blitz-game';
import { playToEnd } from './golden-game';

const goldens: BlitzGoldenEnvelope[] = readdirSync(BLITZ_GOLDEN_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(`${BLITZ_GOLDEN_DIR}/${file}`, 'utf8')));

describe('golden envelopes of blitz@1', () => {
  it('cover every point of a game, the vote child included', () => {
    expect(goldens.map((g) => g.point).sort()).toEqual([...BLITZ_GOLDEN_POINTS].sort());
    const children = (point: string) => Object.keys(JSON.parse(goldens.find((g) => g.point === point)!.state.snapshot).children);
    expect(children('mid-vote')).toEqual(['vote']);
    expect(children('final-vote')).toEqual(['vote']);
    for (const golden of goldens) expect(golden.state.machine).toBe('blitz@1');
  });

  describe.each(goldens.map((g) => [g.point, g] as const))('%s', (_point, golden) => {
    it('restores under this build exactly as stored, with its timers', () => {
      const version = catalog.get(golden.state.machine)!;
      const room = new SimulatedRoom({ version, init: golden.init, room: golden.facts, restoreFrom: golden.state });
      expect(room.stored()).toEqual(golden.state);
      expect(room.timers().map((t) => t.dueAt)).toEqual(golden.state.timers.map((t) => t.dueAt));
    });

    it('plays on to the end of the game, a winner crowned', () => {
      const version = catalog.get(golden.state.machine)!;
      const room = new SimulatedRoom({ version, init: golden.init, room: golden.facts, restoreFrom: golden.state });
      playToEnd(room);
      expect(room.persisted().value).toBe('gameOver');
      expect(room.persisted().context.winner).toEqual(expect.any(String));
    });
  });
});
