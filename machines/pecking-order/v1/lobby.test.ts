import { describe, expect, it } from 'vitest';
import { peckingOrderV1 } from './index';
import { initSchema } from './init-schema';
import { peckingOrderLobby } from './lobby';
import { MAX_PLAYERS, MIN_PLAYERS } from './roster';

describe('pecking-order@1 lobby support', () => {
  it('is the version’s own', () => {
    expect(peckingOrderV1.lobby).toBe(peckingOrderLobby);
    expect(peckingOrderLobby.castSize).toEqual({ min: MIN_PLAYERS, max: MAX_PLAYERS });
  });

  it('seats the cast as p1, p2, … with their names, and bios and avatars only when given', () => {
    expect(
      peckingOrderLobby.rosterOf([
        { name: 'Avery', bio: 'I came to win.' },
        { name: 'Blake', bio: '' },
        { name: 'Casey', avatarUrl: 'https://example.com/c.png' },
        { name: '' },
      ]),
    ).toEqual([
      { playerId: 'p1', name: 'Avery', bio: 'I came to win.' },
      { playerId: 'p2', name: 'Blake' },
      { playerId: 'p3', name: 'Casey', avatarUrl: 'https://example.com/c.png' },
      { playerId: 'p4', name: '' },
    ]);
  });

  it('names the host’s fields in init issues: the roster is the cast', () => {
    expect(peckingOrderLobby.requestPathOf('roster.2.name')).toBe('cast.2.name');
    expect(peckingOrderLobby.requestPathOf('roster')).toBe('cast');
    expect(peckingOrderLobby.requestPathOf('manifest.days.3.voteType')).toBe('manifest.days.3.voteType');
  });

  it('offers a default manifest that is a valid game for every cast size, and clamps others', () => {
    for (let players = MIN_PLAYERS; players <= MAX_PLAYERS; players++) {
      const manifest = peckingOrderLobby.defaultManifest(players);
      expect(manifest).toMatchObject({ preset: 'DEFAULT', scheduling: 'PRE_SCHEDULED' });
      const roster = peckingOrderLobby.rosterOf(Array.from({ length: players }, (_, i) => ({ name: `Player ${i + 1}` })));
      expect(initSchema.safeParse({ roster, manifest }).success, `${players} players`).toBe(true);
    }
    expect(peckingOrderLobby.defaultManifest(1)).toEqual(peckingOrderLobby.defaultManifest(MIN_PLAYERS));
    expect(peckingOrderLobby.defaultManifest(99)).toEqual(peckingOrderLobby.defaultManifest(MAX_PLAYERS));
  });
});
