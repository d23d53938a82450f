/**
 * How the lobby creates a blitz game: the cast becomes pecking-order's roster (the same personas and
 * player ids, and each member's `userId` and `wallet` when the lobby gives them), init issues about the roster are about the host's `cast`, and a game starts from the
 * preset that suits the cast (STANDARD when it does), PRE_SCHEDULED, MAJORITY every round. Pure and
 * free of the machine, so the lobby page imports it.
 */
import type { LobbySupport } from '../../machine-version';
import { peckingOrderLobby } from '../../pecking-order/v1/lobby';
import { walletFieldsOf } from '../../wallet';
import type { BlitzManifest } from './manifest';
import {
  BLITZ_MAX_PLAYERS,
  BLITZ_MIN_PLAYERS,
  BLITZ_PRESETS,
  BLITZ_PRESET_NAMES,
  blitzDuration,
  defaultPresetFor,
  presetIssue,
} from './presets';

/** pecking-order's roster of the cast, and each member's `userId` and `wallet` when the lobby gives them. */
const rosterOf: LobbySupport['rosterOf'] = (cast) =>
  peckingOrderLobby.rosterOf(cast).map((entry, i) => ({ ...entry, ...walletFieldsOf(cast[i]!) }));

export const blitzLobby = {
  label: 'Blitz',
  firstStep: 'Round 1',
  castSize: { min: BLITZ_MIN_PLAYERS, max: BLITZ_MAX_PLAYERS },
  rosterOf,
  requestPathOf: peckingOrderLobby.requestPathOf,
  defaultManifest: (players: number): BlitzManifest => ({ preset: defaultPresetFor(players), scheduling: 'PRE_SCHEDULED' }),
  presets: (players: number) =>
    BLITZ_PRESET_NAMES.map((name) => ({
      name,
      description: BLITZ_PRESETS[name].description,
      durationMs: blitzDuration(BLITZ_PRESETS[name], players),
      unfit: presetIssue(name, players),
    })),
} satisfies LobbySupport;
