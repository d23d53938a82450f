/**
 * The cast of a pecking-order@2 game: @1's roster (v1/roster.ts: ids, personas, bios, avatars; the
 * same checks), where a player may also carry a `userId`, the stable identity their gold follows
 * across games, and the `wallet` the lobby read for it at creation (machines/wallet.ts). A user
 * plays once per game.
 */
import { z } from 'zod';
import { repeatedUserIds, walletRosterFields } from '../../wallet';
import { castIssues, MAX_PLAYERS, MIN_PLAYERS, rosterEntrySchema as v1RosterEntrySchema } from '../v1/roster';

export const rosterEntrySchema = v1RosterEntrySchema.extend(walletRosterFields);

export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const rosterSchema = z
  .array(rosterEntrySchema)
  .min(MIN_PLAYERS, `A game needs at least ${MIN_PLAYERS} players.`)
  .max(MAX_PLAYERS, `A game has at most ${MAX_PLAYERS} players.`)
  .superRefine((roster, ctx) => {
    // @1's checks across entries (unique ids and names). Called, not parsed again as @1's roster:
    // that second parse was most of a cold room's first init check (@1's schema met for the first time).
    for (const issue of castIssues(roster)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    for (const i of repeatedUserIds(roster)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'userId'],
        message: `User id "${roster[i]!.userId}" appears twice; a user plays once per game.`,
      });
    }
  });

export type Roster = z.infer<typeof rosterSchema>;
