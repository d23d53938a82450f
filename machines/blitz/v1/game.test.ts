import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { playGame } from '../../pecking-order/testing/play';
import type { PlayerView } from '../../pecking-order/v1/projection';
import { makeBlitzInit } from '../testing/fixtures';
import { blitzV1 } from './index';
import { BLITZ_PRESETS, blitzDuration } from './presets';
import type { BlitzManifest } from './manifest';

function runGame(players: number, manifest: Partial<BlitzManifest> = {}, restoreEveryStep = false) {
  const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(players, manifest), restoreEveryStep });
  const ids = room.init.roster.map((p: { playerId: string }) => p.playerId);
  const views: PlayerView[] = [];
  playGame(room, ids, { onView: (view) => views.push(view) });
  return { room, ids, views };
}

const journal = (room: SimulatedRoom) => room.emitted('room.journal');

describe.each([
  [5, 'SPRINT'],
  [8, 'STANDARD'],
  [12, 'MARATHON'],
] as const)('a whole blitz game with %i bot players under %s', (players, preset) => {
  const { room, views } = runGame(players, { preset });
  const final = room.persisted();

  it('ends with a winner crowned by the jury, on schedule', () => {
    expect(final.status).toBe('done');
    expect(final.value).toBe('gameOver');
    expect(final.context.winner).toEqual(expect.any(String));
    expect(final.context.ending).toBe('FINALS');
    expect(room.now - room.facts.createdAt).toBe(blitzDuration(BLITZ_PRESETS[preset], players));
  });

  it('plays chat, vote and reveal each round, then the final, and nothing else', () => {
    const phases = journal(room)
      .filter((fact) => fact.kind === 'phase.changed')
      .map((fact) => `${fact.data.day}:${fact.data.phase}`);
    const expected = ['0:pregame'];
    for (let round = 1; round < players; round++) expected.push(`${round}:social`, `${round}:voting`, `${round}:results`);
    expected.push(`${players - 1}:gameOver`);
    expect(phases).toEqual(expected);
  });

  it('puts one player out at each reveal but the final’s, and they judge the final', () => {
    const out = journal(room).filter((fact) => fact.kind === 'player.eliminated');
    expect(out.map((fact) => fact.data.day)).toEqual(Array.from({ length: players - 2 }, (_, i) => i + 1));
    const finals = journal(room).find((fact) => fact.kind === 'vote.revealed' && fact.data.voteType === 'FINALS')!;
    const jurors = Object.keys(finals.data.ballots as object);
    expect(jurors.length).toBeGreaterThan(0);
    for (const juror of jurors) expect(final.context.eliminated).toContain(juror);
  });

  it('pays the winner the gold pool: 10 for each elimination', () => {
    expect(final.context.cast[final.context.winner].gold).toBe(10 * (players - 2));
  });

  it('shows every player a view the player app renders, rounds called rounds', () => {
    expect(views.length).toBeGreaterThan(players * 3);
    for (const view of views) {
      expect(view.dayWord).toBe('Round');
      expect(view.dayCount).toBe(players - 1);
      expect(['pregame', 'social', 'voting', 'results', 'gameOver']).toContain(view.phase);
      expect(view.activity).toBeNull();
    }
  });
});

describe('a blitz game', () => {
  it('plays the same when the room is restored after every step', () => {
    const plain = runGame(6);
    const restored = runGame(6, {}, true);
    expect(restored.room.persisted()).toEqual(plain.room.persisted());
    expect(restored.room.effects.map((e) => e.effect)).toEqual(plain.room.effects.map((e) => e.effect));
  });

  it('waits for the host in an ADMIN game: no timer at any point, and the host’s advances reach a winner', () => {
    const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5, { scheduling: 'ADMIN' }) });
    let advances = 0;
    while (!room.done) {
      expect(room.timers()).toEqual([]);
      for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) {
        const view = room.view(id) as PlayerView;
        const target = view.vote?.targets.target?.[0];
        if (view.vote?.open && target) room.sendAs(id, 'vote.cast', { target });
      }
      room.admin('admin.advance');
      advances++;
    }
    // The pregame, then chat, vote and reveal in each of the four rounds.
    expect(advances).toBe(1 + 4 * 3);
    expect(room.persisted().context.winner).toEqual(expect.any(String));
  });

  it('plays the rounds’ vote types the manifest names, then FINALS', () => {
    const rounds = [{ voteType: 'BUBBLE' }, { voteType: 'SHIELD' }, { voteType: 'MAJORITY' }, { voteType: 'SECOND_TO_LAST' }] as const;
    const { room } = runGame(6, { preset: 'STANDARD', rounds: [...rounds] });
    const types = journal(room)
      .filter((fact) => fact.kind === 'vote.revealed')
      .map((fact) => fact.data.voteType);
    expect(types).toEqual(['BUBBLE', 'SHIELD', 'MAJORITY', 'SECOND_TO_LAST', 'FINALS']);
  });

  it('refuses what a round does not offer, each with its code to the sender only', () => {
    const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5) });
    expect(room.sendAs('p1', 'vote.cast', { target: 'p2' })).toEqual([
      expect.objectContaining({ type: 'room.refuse', to: 'p1', code: 'VOTING_CLOSED' }),
    ]);
    expect(room.sendAs('p1', 'dm.send', { to: 'p2', text: 'hi' })).toEqual([expect.objectContaining({ code: 'DMS_CLOSED', to: 'p1' })]);
    room.advance();
    expect(room.sendAs('p1', 'activity.pick', { target: 'p2' })).toEqual([expect.objectContaining({ code: 'ACTIVITY_CLOSED' })]);
    expect(room.sendAs('p1', 'vote.cast', { target: 'p2' })).toEqual([expect.objectContaining({ code: 'VOTING_CLOSED' })]);
    expect(room.sendAs('p1', 'dm.send', { to: 'p2', text: 'hi' })).toEqual([expect.objectContaining({ type: 'room.message' })]);
  });

  it('lets the host end the game without a winner, and refuses an elimination: the rounds left need everyone', () => {
    const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5) });
    room.advance();
    expect(room.admin('admin.eliminate', { playerId: 'p5' })).toEqual([expect.objectContaining({ code: 'CAST_TOO_SMALL', to: 'admin' })]);
    expect(room.persisted().context.cast.p5.alive).toBe(true);
    room.admin('admin.endGame');
    expect(room.persisted().value).toBe('gameOver');
    expect(room.persisted().context).toMatchObject({ winner: null, ending: 'ADMIN' });
  });
});
