/**
 * What a finished pecking-order@2 game pays into wallets (machine-version.ts `payouts`): at game
 * over, each player with a `userId` takes the gold they hold — the FINALS winner's gold pool (a game
 * the host ended pays none, as in @1). Nothing before game over. Pure.
 */
import type { WalletPayout } from '../../machine-version';
import type { PeckingOrderInit } from './init-schema';
import { readGameSnapshot } from './snapshot-reader';

export function payouts(snapshot: unknown, init: PeckingOrderInit): WalletPayout[] {
  const { stage, context } = readGameSnapshot(snapshot);
  if (stage !== 'gameOver') return [];
  return init.roster.flatMap(({ playerId, userId }) => {
    const gold = context.cast[playerId]?.gold ?? 0;
    return userId !== undefined && gold > 0 ? [{ playerId, userId, gold }] : [];
  });
}

/** The gold each player's wallet held when the game was created (0 without a `userId`). */
export function carriedGoldOf(init: PeckingOrderInit, playerId: string): number {
  return init.roster.find((entry) => entry.playerId === playerId)?.wallet?.gold ?? 0;
}
