/**
 * What a finished blitz game pays into wallets (machine-version.ts `payouts`), as pecking-order@2
 * does: at game over, each player with a `userId` takes the gold they hold — the winner's gold pool,
 * crowned by the jury (a game the host ended has no winner and pays none). Nothing before game over.
 * Pure.
 */
import type { WalletPayout } from '../../machine-version';
import type { BlitzInit } from './init-schema';
import { readBlitzSnapshot } from './snapshot-reader';

export function payouts(snapshot: unknown, init: BlitzInit): WalletPayout[] {
  const { stage, context } = readBlitzSnapshot(snapshot);
  if (stage !== 'gameOver') return [];
  return init.roster.flatMap(({ playerId, userId }) => {
    const gold = context.cast[playerId]?.gold ?? 0;
    return userId !== undefined && gold > 0 ? [{ playerId, userId, gold }] : [];
  });
}

/** The gold each player's wallet held when the game was created (0 without a `userId`). */
export function carriedGoldOf(init: BlitzInit, playerId: string): number {
  return init.roster.find((entry) => entry.playerId === playerId)?.wallet?.gold ?? 0;
}
