/**
 * The documented ways silver moves, read back from what the machine emitted: DM costs (one per
 * delivered DM), transfers, PLAYER_PICK rewards, host credits and (pecking-order@2) cartridges. Tests compare it with the
 * balances in the snapshot, so silver that moves any other way is caught.
 */
import type { RoomEffect } from '../../machine-version';
import { ECONOMY } from '../v1/economy';

/** Silver change per player that the effects account for. */
export function documentedSilverChanges(effects: readonly RoomEffect[]): Record<string, number> {
  const delta: Record<string, number> = {};
  const add = (playerId: string, amount: number) => {
    delta[playerId] = (delta[playerId] ?? 0) + amount;
  };
  for (const effect of effects) {
    if (effect.type === 'room.message' && effect.channel.startsWith('dm:')) add(effect.from, -ECONOMY.dmCost);
    if (effect.type !== 'room.journal') continue;
    const data = effect.data as Record<string, any>;
    if (effect.kind === 'silver.transferred') {
      add(data.from, -data.amount);
      add(data.to, data.amount);
    }
    if (effect.kind === 'activity.revealed') {
      for (const [playerId, reward] of Object.entries(data.rewards as Record<string, number>)) add(playerId, reward);
    }
    if (effect.kind === 'admin.credited') add(data.playerId, data.applied);
    if (effect.kind === 'cartridge.revealed') {
      for (const [playerId, change] of Object.entries(data.silver as Record<string, number>)) add(playerId, change);
    }
  }
  return delta;
}

/** Silver change per player between two persisted snapshots (players whose silver did not move are left out). */
export function observedSilverChanges(before: any, after: any): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [playerId, seat] of Object.entries(after.context.cast as Record<string, { silver: number }>)) {
    const change = seat.silver - before.context.cast[playerId].silver;
    if (change !== 0) delta[playerId] = change;
  }
  return delta;
}

/** Drops the zero entries, so two change maps compare equal when they move the same silver. */
export function nonZero(delta: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(delta).filter(([, n]) => n !== 0));
}
