/** Silver transfers: an alive player gives part of their silver to another alive player. */
import { isAlive, isPlayer, silverOf, withSilver } from './cast';
import type { GameContext } from './context';
import { refusal, type Refusal } from './refusals';

/** Why the transfer may not happen while transfers are open; null when it may. */
export function checkTransfer(context: GameContext, senderId: string, to: string, amount: number): Refusal | null {
  if (!isAlive(context, senderId)) return refusal('NOT_ALIVE', 'Only players still in the game give silver.');
  if (to === senderId) return refusal('INVALID_TARGET', 'You cannot give silver to yourself.');
  if (!isPlayer(context, to)) return refusal('INVALID_TARGET', `There is no player "${to}".`);
  if (!isAlive(context, to)) return refusal('INVALID_TARGET', 'Silver goes to players still in the game.');
  if (!Number.isInteger(amount) || amount <= 0) return refusal('INVALID_AMOUNT');
  const silver = silverOf(context, senderId);
  if (amount > silver) return refusal('INSUFFICIENT_SILVER', `You have ${silver} silver; you cannot give ${amount}.`);
  return null;
}

export function afterTransfer(context: GameContext, senderId: string, to: string, amount: number): Partial<GameContext> {
  return { cast: withSilver(withSilver(context.cast, senderId, -amount), to, amount) };
}
