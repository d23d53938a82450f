import { describe, expect, it } from 'vitest';
import { makeInit } from '../testing/fixtures';
import { playGame } from '../testing/play';
import { documentedSilverChanges, nonZero, observedSilverChanges } from '../testing/silver-ledger';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { ECONOMY } from './economy';
import { peckingOrderV1 } from './index';
import type { PresetName } from './presets';
import { scheduleOf } from './timeline';

function runGame(players: number, preset: PresetName, seed = 'seed-1') {
  const room = new SimulatedRoom({ version: peckingOrderV1, init: makeInit(players, { preset }), room: { seed } });
  const ids = room.init.roster.map((p: { playerId: string }) => p.playerId);
  const ledgerMismatches: unknown[] = [];
  playGame(room, ids, {
    onStep: ({ before, after, effects }) => {
      const documented = nonZero(documentedSilverChanges(room.effects.slice(effects).map((e) => e.effect)));
      const observed = observedSilverChanges(before, after);
      if (JSON.stringify(Object.entries(documented).sort()) !== JSON.stringify(Object.entries(observed).sort())) {
        ledgerMismatches.push({ documented, observed });
      }
    },
  });
  return { room, ids, ledgerMismatches };
}

const journal = (room: SimulatedRoom) => room.emitted('room.journal');

describe.each([3, 8, 20])('a whole game with %i bot players', (players) => {
  describe.each(['FAST', 'DEFAULT'] as const)('under %s', (preset) => {
    const { room, ids, ledgerMismatches } = runGame(players, preset);
    const days = room.init.manifest.days.length;
    const final = room.persisted();

    it('ends in gameOver with a winner, on schedule', () => {
      expect(final.status).toBe('done');
      expect(final.value).toBe('gameOver');
      expect(final.context.winner).toEqual(expect.any(String));
      expect(final.context.ending).toBe('FINALS');
      expect(room.now).toBe(scheduleOf(room.init.manifest, room.facts.createdAt).at(-1)!.ends);
    });

    it('goes through every phase in order', () => {
      const phases = journal(room)
        .filter((fact) => fact.kind === 'phase.changed')
        .map((fact) => `${fact.data.day}:${fact.data.phase}`);
      const expected = ['0:pregame'];
      for (let day = 1; day <= days; day++) {
        for (const phase of ['morning', 'social', 'voting', 'results', 'night']) {
          if (!(day === days && phase === 'night')) expected.push(`${day}:${phase}`);
        }
      }
      expected.push(`${days}:gameOver`);
      expect(phases).toEqual(expected);
    });

    it('eliminates exactly one player on every day but the finale', () => {
      const eliminated = journal(room).filter((fact) => fact.kind === 'player.eliminated');
      expect(eliminated.map((fact) => fact.data.day)).toEqual(Array.from({ length: days - 1 }, (_, i) => i + 1));
      expect(new Set(eliminated.map((fact) => fact.data.playerId)).size).toBe(days - 1);
      expect(final.context.eliminated).toEqual(eliminated.map((fact) => fact.data.playerId));
      const alive = ids.filter((id: string) => final.context.cast[id].alive);
      expect(alive).toHaveLength(players - (days - 1));
      expect(alive).toContain(final.context.winner);
    });

    it('pays the gold pool to the winner, and only to the winner', () => {
      const pool = ECONOMY.goldPerNight * (days - 1);
      const over = journal(room).find((fact) => fact.kind === 'game.over')!;
      expect(over.data).toEqual({ winner: final.context.winner, gold: pool, ending: 'FINALS' });
      const finals = final.context.history.at(-1);
      expect(finals).toMatchObject({ type: 'FINALS', day: days, winner: final.context.winner });
      for (const id of ids) expect(final.context.cast[id].gold).toBe(id === final.context.winner ? pool : 0);
      expect(final.context.goldPool).toBe(0);
    });

    it('moves silver only by documented rules, step by step and over the whole game', () => {
      expect(ledgerMismatches).toEqual([]);
      const total = documentedSilverChanges(room.effects.map((e) => e.effect));
      const start = room.init.manifest.startingSilver ?? ECONOMY.startingSilver;
      for (const id of ids) expect(final.context.cast[id].silver).toBe(start + (total[id] ?? 0));
      // The bots did talk and trade, so the check had something to check.
      expect(room.emitted('room.message').some((m) => m.channel.startsWith('dm:'))).toBe(true);
      expect(journal(room).some((fact) => fact.kind === 'silver.transferred')).toBe(true);
    });

    it('never refused a bot: the bots act on their projection alone', () => {
      expect(room.emitted('room.refuse')).toEqual([]);
    });
  });
});

describe('replay', () => {
  it('the same seed replays the same game: identical journal facts', () => {
    const first = journal(runGame(8, 'FAST', 'seed-r').room);
    const second = journal(runGame(8, 'FAST', 'seed-r').room);
    expect(second).toEqual(first);
    expect(first.filter((fact) => fact.kind === 'vote.revealed')).toHaveLength(7);
  });

  it('the room seed feeds the draws: another seed plays differently', () => {
    const first = journal(runGame(8, 'FAST', 'seed-r').room);
    const other = journal(runGame(8, 'FAST', 'seed-other').room);
    expect(other).not.toEqual(first);
  });
});
