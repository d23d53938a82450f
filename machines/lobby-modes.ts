/**
 * The game modes the lobby page offers: every catalog version with lobby support, by ref, with
 * that support. The catalog itself carries every machine (XState charts and all), which the lobby
 * page has no use for; this list carries only the light, pure lobby modules. lobby-modes.test.ts
 * fails until it lists exactly the catalog's versions that declare `lobby`, with the same support.
 */
import { blitzLobby } from './blitz/v1/lobby';
import type { LobbySupport, MachineRef } from './machine-version';
import { peckingOrderLobby } from './pecking-order/v1/lobby';
import { peckingOrderLobby as peckingOrderV2Lobby } from './pecking-order/v2/lobby';

export interface LobbyMode {
  ref: MachineRef;
  lobby: LobbySupport;
}

export const LOBBY_MODES: readonly LobbyMode[] = [
  { ref: 'pecking-order@1', lobby: peckingOrderLobby },
  { ref: 'pecking-order@2', lobby: peckingOrderV2Lobby },
  { ref: 'blitz@1', lobby: blitzLobby },
];

/**
 * The mode the lobby API creates when a request names none, and the one the page's picker starts
 * on: declared here, in the light list both the Worker (worker/lobby.ts) and the page import, so
 * the two cannot disagree.
 */
export const DEFAULT_MODE: MachineRef = 'pecking-order@2';

/** What the picker calls a mode: its own label, or its ref. */
export function modeLabel(mode: LobbyMode): string {
  return mode.lobby.label ?? mode.ref;
}
