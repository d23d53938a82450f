/** Whole pecking-order@2 games played by bots, every cartridge of the lobby's default plan answered. */
import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeRoster } from '../testing/fixtures';
import { playGame } from '../testing/play';
import { documentedSilverChanges, nonZero, observedSilverChanges } from '../testing/silver-ledger';
import { peckingOrderV2 } from './index';
import { defaultManifest } from './lobby';

function runGame(players: number, preset: 'FAST' | 'DEFAULT', restoreEveryStep = false) {
  const init = { roster: makeRoster(players), manifest: { ...defaultManifest(players), preset } };
  const room = new SimulatedRoom({ version: peckingOrderV2, init, room: { seed: `seed-${players}` }, restoreEveryStep });
  const ids = init.roster.map((p) => p.playerId);
  const mismatches: unknown[] = [];
  playGame(room, ids, {
    onStep: ({ before, after, effects }) => {
      const documented = nonZero(documentedSilverChanges(room.effects.slice(effects).map((e) => e.effect)));
      const observed = observedSilverChanges(before, after);
      if (JSON.stringify(Object.entries(documented).sort()) !== JSON.stringify(Object.entries(observed).sort())) {
        mismatches.push({ documented, observed });
      }
    },
  });
  return { room, mismatches };
}

const games: [number, 'FAST' | 'DEFAULT', boolean][] = [
  [3, 'FAST', false],
  [8, 'DEFAULT', false],
  [8, 'FAST', true],
];

describe.each(games)('a whole @2 game with %i bots under %s (restored every step: %s)', (players, preset, restoreEveryStep) => {
  const { room, mismatches } = runGame(players, preset, restoreEveryStep);
  const final = room.persisted();
  const journal = room.emitted('room.journal');

  it('ends with a winner', () => {
    expect(final.value).toBe('gameOver');
    expect(final.context.winner).toEqual(expect.any(String));
  });

  it('closes every cartridge of the plan, day by day, and keeps its results', () => {
    const planned = room.init.manifest.days.flatMap((day: { cartridges?: string[] }, i: number) =>
      (day.cartridges ?? []).map((name) => `${i + 1}:${name}`),
    );
    expect(final.context.cartridges.map((r: { day: number; name: string }) => `${r.day}:${r.name}`)).toEqual(planned);
    expect(journal.filter((f) => f.kind === 'cartridge.revealed')).toHaveLength(planned.length);
  });

  it('moves silver only in documented ways (cartridges included), and never refuses a bot', () => {
    expect(mismatches).toEqual([]);
    expect(room.emitted('room.refuse')).toEqual([]);
  });

  it('has the bots answer: some prompt paid a minority or a gambit or spotlight paid out over the game', () => {
    const moved = final.context.cartridges.filter((r: { silver: Record<string, number> }) => Object.keys(r.silver).length > 0);
    if (players >= 8) expect(moved.length).toBeGreaterThan(0);
  });
});
