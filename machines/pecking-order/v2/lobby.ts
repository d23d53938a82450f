/**
 * How the lobby creates a `pecking-order@2` game: as @1 (v1/lobby.ts), and the default day plan
 * puts a prompt and a dilemma on every elimination day, alternating WOULD_YOU_RATHER with HOT_TAKE
 * and SILVER_GAMBIT with SPOTLIGHT, WHISPERS with CONFESSIONS, and NUDGES every day. The finale has
 * none: two finalists make no minority, and its social cartridges would never reach a night to close.
 */
import type { LobbySupport } from '../../machine-version';
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

export const peckingOrderLobby = { ...v1Lobby, defaultManifest } satisfies LobbySupport;
