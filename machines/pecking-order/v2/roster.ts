/**
 * The cast of a pecking-order@2 game: @1's roster (v1/roster.ts: ids, personas, bios, avatars; the
 * same checks), where a player may also carry a `userId`, the stable identity their gold follows
 * across games, and the `wallet` the lobby read for it at creation (machines/wallet.ts). A user
 * plays once per game.
 */
import { z } from 'zod';
import { repeatedUserIds, walletRosterFields } from '../../wallet';
import { MAX_PLAYERS, MIN_PLAYERS, rosterEntrySchema as v1RosterEntrySchema, rosterSchema as v1RosterSchema } from '../v1/roster';

export const rosterEntrySchema = v1RosterEntrySchema.extend(walletRosterFields);

export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const rosterSchema = z
  .array(rosterEntrySchema)
  .min(MIN_PLAYERS, `A game needs at least ${MIN_PLAYERS} players.`)
  .max(MAX_PLAYERS, `A game has at most ${MAX_PLAYERS} players.`)
  .superRefine((roster, ctx) => {
    // @1's checks across entries (unique ids and names), on the entries as @1 reads them. Only its
    // own (custom) issues: each entry's and the size's are this schema's already, and would repeat.
    const v1 = v1RosterSchema.safeParse(roster.map(({ userId: _u, wallet: _w, ...entry }) => entry));
    for (const issue of v1.error?.issues ?? []) {
      if (issue.code === 'custom') ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    for (const i of repeatedUserIds(roster)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'userId'],
        message: `User id "${roster[i]!.userId}" appears twice; a user plays once per game.`,
      });
    }
  });

export type Roster = z.infer<typeof rosterSchema>;
