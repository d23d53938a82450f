/**
 * The lobby's game modes: the catalog's versions with lobby support (machines/lobby-modes.ts), the
 * one the lobby API defaults to first chosen, and what a mode's manifest is made of. Pure.
 */
import { LOBBY_MODES, type LobbyMode } from '../../machines/lobby-modes';
import type { Scheduling } from './create-game';

/** The mode the picker starts on: the lobby API's default, or the first mode when it offers none by that ref. */
export function initialMode(defaultRef: string, modes: readonly LobbyMode[] = LOBBY_MODES): LobbyMode {
  return modes.find((mode) => mode.ref === defaultRef) ?? modes[0]!;
}

/** The mode of `ref`, or the initial one. */
export function modeOf(ref: string, defaultRef: string, modes: readonly LobbyMode[] = LOBBY_MODES): LobbyMode {
  return modes.find((mode) => mode.ref === ref) ?? initialMode(defaultRef, modes);
}

/**
 * The manifest of a mode whose lobby support lists presets: its default manifest for the cast, with
 * the host's preset and scheduling.
 */
export function presetManifest(
  mode: LobbyMode,
  players: number,
  choice: { preset: string; scheduling: Scheduling },
): Record<string, unknown> {
  return { ...(mode.lobby.defaultManifest(players) as Record<string, unknown>), preset: choice.preset, scheduling: choice.scheduling };
}

/** The preset a mode's game of `players` starts on: its default manifest's. */
export function defaultPresetOf(mode: LobbyMode, players: number): string {
  const manifest = mode.lobby.defaultManifest(players) as { preset?: unknown };
  return typeof manifest.preset === 'string' ? manifest.preset : (mode.lobby.presets?.(players)[0]?.name ?? '');
}

/** "about 21 minutes", "1 h 5 min". */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} minutes`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
