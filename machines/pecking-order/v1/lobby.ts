/**
 * How the lobby creates a `pecking-order@1` game: the cast becomes the roster (player ids `p1`,
 * `p2`, … in cast order; display name, and bio and avatar URL when given), init issues about the
 * roster are about the host's `cast`, and a game starts from the DEFAULT preset, PRE_SCHEDULED, with
 * the default day plan for its cast size. Pure and free of the machine, so the lobby page imports it.
 */
import type { LobbySupport } from '../../machine-version';
import { defaultDayPlan } from './day-plan';
import type { Manifest } from './manifest';
import { MAX_PLAYERS, MIN_PLAYERS } from './roster';

const given = (value: unknown) => value !== undefined && value !== '';

export const peckingOrderLobby = {
  castSize: { min: MIN_PLAYERS, max: MAX_PLAYERS },
  rosterOf: (cast) =>
    cast.map((member, i) => ({
      playerId: `p${i + 1}`,
      name: member.name,
      ...(given(member.bio) ? { bio: member.bio } : {}),
      ...(given(member.avatarUrl) ? { avatarUrl: member.avatarUrl } : {}),
    })),
  requestPathOf: (path) => (path === 'roster' || path.startsWith('roster.') ? `cast${path.slice('roster'.length)}` : path),
  defaultManifest: (players: number): Manifest => ({
    preset: 'DEFAULT',
    scheduling: 'PRE_SCHEDULED',
    days: defaultDayPlan(Math.min(MAX_PLAYERS, Math.max(MIN_PLAYERS, players))),
  }),
} satisfies LobbySupport;
