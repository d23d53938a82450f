/**
 * How the lobby creates a `pecking-order@2` game: as @1 (v1/lobby.ts), keeping each member's
 * identity and wallet (the lobby reads it from D1; roster.ts), and the default day plan
 * puts a prompt and a dilemma on every elimination day, alternating WOULD_YOU_RATHER with HOT_TAKE
 * and SILVER_GAMBIT with SPOTLIGHT, WHISPERS with CONFESSIONS, and NUDGES every day. The finale has
 * none: two finalists make no minority, and its social cartridges would never reach a night to close.
 */
import type { LobbySupport } from '../../machine-version';
import { walletFieldsOf } from '../../wallet';
import { peckingOrderLobby as v1Lobby } from '../v1/lobby';
import type { CartridgeName } from './cartridges';
import type { Manifest } from './manifest';

const DEFAULT_CARTRIDGES: readonly (readonly CartridgeName[])[] = [
  ['WOULD_YOU_RATHER', 'SILVER_GAMBIT', 'WHISPERS', 'NUDGES'],
  ['HOT_TAKE', 'SPOTLIGHT', 'CONFESSIONS', 'NUDGES'],
];

/** The lobby's default days for `players` players, with their cartridges. */
export function defaultManifest(players: number): Manifest {
  const base = v1Lobby.defaultManifest(players);
  const last = base.days.length - 1;
  return {
    ...base,
    days: base.days.map((day, i) => (i === last ? day : { ...day, cartridges: [...DEFAULT_CARTRIDGES[i % DEFAULT_CARTRIDGES.length]!] })),
  };
}

/** @1's roster of the cast, and each member's `userId` and `wallet` when the lobby gives them. */
const rosterOf: LobbySupport['rosterOf'] = (cast) => v1Lobby.rosterOf(cast).map((entry, i) => ({ ...entry, ...walletFieldsOf(cast[i]!) }));

export const peckingOrderLobby = { ...v1Lobby, rosterOf, defaultManifest } satisfies LobbySupport;
