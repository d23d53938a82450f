/**
 * Gold that follows a player across games: the pieces of the wallet contract (machine-version.ts,
 * `payouts` and `LobbyCastMember.userId`/`wallet`) that the lobby and every version that declares
 * wallets share, so a `userId` means the same thing everywhere. Pure.
 */
import { z } from 'zod';
import type { LobbyCastMember } from './machine-version';

/** A user id: a short slug, lowercase letters, digits and dashes, 1–32 characters. */
export const USER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

export const USER_ID_RULE = 'A user id is a short slug: 1–32 lowercase letters, digits or dashes, starting with a letter or digit.';

export const userIdSchema = z.string().regex(USER_ID_PATTERN, USER_ID_RULE);

/** The most gold a wallet can hold; past it the number would stop being exact in JSON and in D1. */
export const MAX_WALLET_GOLD = 1_000_000_000;

/** A member's wallet as the lobby read it at creation. */
export const walletSchema = z.object({ gold: z.number().int().min(0).max(MAX_WALLET_GOLD) }).strict();

/** The roster entry fields of a version that declares wallets (spread into its entry schema). */
export const walletRosterFields = {
  userId: userIdSchema.optional(),
  wallet: walletSchema.optional(),
};

/** The index of each entry whose `userId` an earlier entry already has (a cast holds a user once). */
export function repeatedUserIds(entries: readonly { userId?: unknown }[]): number[] {
  const seen = new Set<unknown>();
  const repeated: number[] = [];
  entries.forEach((entry, i) => {
    if (entry.userId === undefined) return;
    if (seen.has(entry.userId)) repeated.push(i);
    seen.add(entry.userId);
  });
  return repeated;
}

/** What a wallet-declaring version's `rosterOf` keeps of a cast member: its `userId` and `wallet`, when given. */
export function walletFieldsOf(member: LobbyCastMember): { userId?: string; wallet?: { gold: number } } {
  return {
    ...(member.userId !== undefined ? { userId: member.userId } : {}),
    ...(member.wallet !== undefined ? { wallet: member.wallet } : {}),
  };
}

/**
 * What a wallet-declaring version adds to each member of its player view's cast: the gold the
 * member's wallet held when the game was created (0 without a `userId`). The player app shows it
 * ("120 gold carried in") whatever the version.
 */
export interface CarriedGoldView {
  carriedGold?: number;
}
