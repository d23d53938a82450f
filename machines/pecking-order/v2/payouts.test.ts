import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeRoster } from '../testing/fixtures';
import { advanceTo } from '../testing/stepping';
import { peckingOrderV2 } from './index';
import { initSchema } from './init-schema';

const manifest = { preset: 'TEST', scheduling: 'ADMIN', days: [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }] } as const;

/** p1 and p2 have identities (p2 carries 120 gold in), p3 has none. */
const roster = (): { playerId: string; name: string; userId?: string; wallet?: { gold: number } }[] =>
  makeRoster(3).map((entry, i) =>
    i === 0 ? { ...entry, userId: 'ana-k' } : i === 1 ? { ...entry, userId: 'bo', wallet: { gold: 120 } } : entry,
  );

const room = (r = roster()) => new SimulatedRoom({ version: peckingOrderV2, init: { roster: r, manifest } });

const init = (r = roster()) => initSchema.parse({ roster: r, manifest });

describe('pecking-order@2: gold that follows a player (wallets)', () => {
  it('keeps identities and wallets in the roster, and refuses a user twice or a bad id or wallet', () => {
    expect(init().roster.map((e) => [e.userId, e.wallet?.gold])).toEqual([
      ['ana-k', undefined],
      ['bo', 120],
      [undefined, undefined],
    ]);
    const twice = initSchema.safeParse({ roster: roster().map((e) => ({ ...e, userId: 'bo' })), manifest });
    expect(twice.success).toBe(false);
    expect(twice.error!.issues.map((i) => i.path.join('.'))).toEqual(['roster.1.userId', 'roster.2.userId']);
    const bad = initSchema.safeParse({
      roster: roster().map((e, i) => (i === 0 ? { ...e, userId: 'Ana K', wallet: { gold: -1 } } : e)),
      manifest,
    });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['roster.0.userId', 'roster.0.wallet.gold']);
    // @1's own checks still hold.
    const sameName = initSchema.safeParse({ roster: roster().map((e) => ({ ...e, name: 'Same' })), manifest });
    expect(sameName.error!.issues.map((i) => i.path.join('.'))).toEqual(['roster.1.name', 'roster.2.name']);
    // Each problem once, whether an entry's own or across entries.
    const blank = initSchema.safeParse({
      roster: roster().map((e, i) => (i === 0 ? { ...e, name: '' } : { ...e, name: 'Same' })),
      manifest,
    });
    expect(blank.error!.issues.map((i) => i.path.join('.'))).toEqual(['roster.0.name', 'roster.2.name']);
    const few = initSchema.safeParse({ roster: roster().slice(0, 2), manifest });
    expect(few.error!.issues.filter((i) => i.path.length === 1).map((i) => i.message)).toEqual(['A game needs at least 3 players.']);
  });

  it('the lobby keeps each member’s identity and wallet; players() names the identities', () => {
    const entries = peckingOrderV2.lobby!.rosterOf([{ name: 'Ana', userId: 'ana-k', wallet: { gold: 0 } }, { name: 'Bo' }]);
    expect(entries).toEqual([
      { playerId: 'p1', name: 'Ana', userId: 'ana-k', wallet: { gold: 0 } },
      { playerId: 'p2', name: 'Bo' },
    ]);
    expect(peckingOrderV2.players(init()).map((p) => p.userId)).toEqual(['ana-k', 'bo', undefined]);
  });

  it('shows every player the gold each member carried in', () => {
    expect(
      room()
        .view('p3')
        .cast.map((m: { carriedGold: number }) => m.carriedGold),
    ).toEqual([0, 120, 0]);
  });

  it('pays nothing before game over, then the winner’s gold to the winner’s wallet', () => {
    const game = room();
    advanceTo(game, 2, 'morning');
    expect(peckingOrderV2.payouts!(game.persisted(), init())).toEqual([]);
    advanceTo(game, 2, 'gameOver');
    const snapshot = game.persisted();
    const winner = snapshot.context.winner as string;
    const gold = snapshot.context.cast[winner].gold as number;
    expect(gold).toBeGreaterThan(0);
    const userId = roster().find((e) => e.playerId === winner)?.userId;
    expect(peckingOrderV2.payouts!(snapshot, init())).toEqual(userId ? [{ playerId: winner, userId, gold }] : []);
  });

  it('pays the winner who has an identity; a winner without one pays nobody', () => {
    // Every seat gets the identity in turn, so whoever the draw crowns, one game pays them.
    const paid = [0, 1, 2].map((seat) => {
      const r = makeRoster(3).map((e, i) => (i === seat ? { ...e, userId: `seat-${seat}` } : e));
      const game = room(r);
      advanceTo(game, 2, 'gameOver');
      return peckingOrderV2.payouts!(game.persisted(), init(r));
    });
    expect(paid.filter((p) => p.length === 1)).toHaveLength(1);
    expect(paid.filter((p) => p.length === 0)).toHaveLength(2);
  });

  it('a game the host ends pays nothing', () => {
    const game = room();
    advanceTo(game, 1, 'social');
    game.admin('admin.endGame');
    expect(peckingOrderV2.payouts!(game.persisted(), init())).toEqual([]);
  });
});
