import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { playGame } from '../../pecking-order/testing/play';
import { makeBlitzInit } from '../testing/fixtures';
import { blitzV1 } from './index';
import { blitzInitSchema } from './init-schema';

type Entry = { playerId: string; name: string; userId?: string; wallet?: { gold: number } };

/** A SPRINT game of five where p1 and p2 have identities (p2 carries 120 gold in), the rest none. */
const roster = (): Entry[] =>
  makeBlitzInit(5).roster.map((entry, i) =>
    i === 0 ? { ...entry, userId: 'ana-k' } : i === 1 ? { ...entry, userId: 'bo', wallet: { gold: 120 } } : entry,
  );

const manifest = makeBlitzInit(5).manifest;

const init = (r: Entry[] = roster()) => blitzInitSchema.parse({ roster: r, manifest });

const room = (r: Entry[] = roster()) => new SimulatedRoom({ version: blitzV1, init: { roster: r, manifest } });

/** One whole game played by the bots, and every step's snapshot before game over. */
function playedGame() {
  const game = room();
  const before: unknown[] = [];
  playGame(
    game,
    game.init.roster.map((p: Entry) => p.playerId),
    {
      onStep: ({ after }) => {
        if ((after as { value: unknown }).value !== 'gameOver') before.push(after);
      },
    },
  );
  return { snapshot: game.persisted(), before };
}

describe('blitz@1: gold that follows a player (wallets)', () => {
  const { snapshot, before } = playedGame();
  const winner = snapshot.context.winner as string;
  const gold = snapshot.context.cast[winner].gold as number;

  it('keeps identities and wallets in the roster, and refuses a user twice or a bad id or wallet', () => {
    expect(init().roster.map((e) => [e.userId, e.wallet?.gold])).toEqual([
      ['ana-k', undefined],
      ['bo', 120],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    const twice = blitzInitSchema.safeParse({ roster: roster().map((e) => ({ ...e, userId: 'bo' })), manifest });
    expect(twice.error!.issues.map((i) => i.path.join('.'))).toEqual([1, 2, 3, 4].map((i) => `roster.${i}.userId`));
    const bad = blitzInitSchema.safeParse({
      roster: roster().map((e, i) => (i === 0 ? { ...e, userId: 'Ana K', wallet: { gold: -1 } } : e)),
      manifest,
    });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['roster.0.userId', 'roster.0.wallet.gold']);
    // Blitz's own checks still hold, and a roster without identities is as before.
    const few = blitzInitSchema.safeParse({ roster: roster().slice(0, 4), manifest });
    expect(few.error!.issues.map((i) => i.message)).toEqual(['Blitz is played by 5–12 players; this cast has 4.']);
    expect(blitzInitSchema.safeParse(makeBlitzInit(5)).success).toBe(true);
  });

  it('the lobby keeps each member’s identity and wallet; players() names the identities', () => {
    const entries = blitzV1.lobby!.rosterOf([{ name: 'Ana', userId: 'ana-k', wallet: { gold: 0 } }, { name: 'Bo' }]);
    expect(entries).toEqual([
      { playerId: 'p1', name: 'Ana', userId: 'ana-k', wallet: { gold: 0 } },
      { playerId: 'p2', name: 'Bo' },
    ]);
    expect(blitzV1.players(init()).map((p) => p.userId)).toEqual(['ana-k', 'bo', undefined, undefined, undefined]);
  });

  it('shows every player the gold each member carried in', () => {
    expect(
      room()
        .view('p3')
        .cast.map((m: { carriedGold: number }) => m.carriedGold),
    ).toEqual([0, 120, 0, 0, 0]);
  });

  it('pays nothing at any step before game over, then the winner’s gold to the winner’s wallet', () => {
    expect(before.length).toBeGreaterThan(10);
    for (const step of before) expect(blitzV1.payouts!(step, init())).toEqual([]);
    expect(gold).toBe(10 * 3);
    const userId = roster().find((e) => e.playerId === winner)?.userId;
    expect(blitzV1.payouts!(snapshot, init())).toEqual(userId ? [{ playerId: winner, userId, gold }] : []);
  });

  it('pays the winner who has an identity, and only them; a winner without one pays nobody', () => {
    const everyone = makeBlitzInit(5).roster.map((e) => ({ ...e, userId: `user-${e.playerId}` }));
    expect(blitzV1.payouts!(snapshot, init(everyone))).toEqual([{ playerId: winner, userId: `user-${winner}`, gold }]);
    const allButWinner = everyone.map(({ userId, ...e }) => (e.playerId === winner ? e : { ...e, userId }));
    expect(blitzV1.payouts!(snapshot, init(allButWinner))).toEqual([]);
  });

  it('a game the host ends pays nothing', () => {
    const game = room();
    game.advance();
    game.admin('admin.endGame');
    expect(game.persisted().value).toBe('gameOver');
    expect(blitzV1.payouts!(game.persisted(), init())).toEqual([]);
  });
});
