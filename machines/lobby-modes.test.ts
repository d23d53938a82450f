import { describe, expect, it } from 'vitest';
import { catalog } from './catalog';
import { LOBBY_MODES } from './lobby-modes';
import { refOf } from './machine-version';

describe('the lobby’s game modes', () => {
  it('are exactly the catalog’s versions with lobby support, with the same support, in catalog order', () => {
    const expected = catalog
      .list()
      .filter((version) => version.lobby)
      .map((version) => ({ ref: refOf(version), lobby: version.lobby }));
    expect(LOBBY_MODES.map((mode) => mode.ref)).toEqual(expected.map((mode) => mode.ref));
    for (const [i, mode] of LOBBY_MODES.entries()) expect(mode.lobby, mode.ref).toBe(expected[i]!.lobby);
  });

  it('include blitz@1, the catalog’s second game', () => {
    expect(catalog.get('blitz@1')?.lobby).toBeDefined();
    expect(LOBBY_MODES.map((mode) => mode.ref)).toContain('blitz@1');
  });
});
