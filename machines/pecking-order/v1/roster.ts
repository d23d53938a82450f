/**
 * The cast as the lobby hands it over: who plays, under which persona. Validated at init; the
 * room rejects a roster that does not pass with the issues' paths and messages.
 */
import { z } from 'zod';
import { ADMIN_SENDER } from '../../machine-version';

export const MIN_PLAYERS = 3;
export const MAX_PLAYERS = 20;

/** A player id: a short slug, lowercase letters, digits and dashes, 1–24 characters. */
export const PLAYER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,23}$/;

export const playerIdSchema = z
  .string()
  .regex(PLAYER_ID_PATTERN, 'A player id is a short slug: 1–24 lowercase letters, digits or dashes, starting with a letter or digit.')
  .refine((id) => id !== ADMIN_SENDER, { message: `"${ADMIN_SENDER}" is reserved for the host; pick another player id.` });

export const rosterEntrySchema = z.object({
  playerId: playerIdSchema,
  name: z.string().trim().min(1, 'Every player needs a display name.').max(40, 'A display name is at most 40 characters.'),
  bio: z.string().max(280, 'A bio is at most 280 characters.').optional(),
  avatarUrl: z.url({ protocol: /^https?$/, message: 'An avatar URL must be an http(s) URL.' }).optional(),
});

export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/**
 * The checks across entries: player ids unique, display names told apart (case-insensitively). As
 * issues at an entry's field, for this roster's schema and for later versions' rosters, which run
 * them on their own entries (pecking-order@2's, without parsing the cast again as @1's).
 */
export function castIssues(roster: readonly { playerId: string; name: string }[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  roster.forEach((entry, i) => {
    if (ids.has(entry.playerId)) {
      issues.push({ path: [i, 'playerId'], message: `Player id "${entry.playerId}" appears twice; ids must be unique.` });
    }
    ids.add(entry.playerId);
    const name = entry.name.toLowerCase();
    if (names.has(name)) {
      issues.push({ path: [i, 'name'], message: `Display name "${entry.name}" appears twice; personas must be told apart.` });
    }
    names.add(name);
  });
  return issues;
}

export const rosterSchema = z
  .array(rosterEntrySchema)
  .min(MIN_PLAYERS, `A game needs at least ${MIN_PLAYERS} players.`)
  .max(MAX_PLAYERS, `A game has at most ${MAX_PLAYERS} players.`)
  .superRefine((roster, ctx) => {
    for (const issue of castIssues(roster)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

export type Roster = z.infer<typeof rosterSchema>;
