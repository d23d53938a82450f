/**
 * DMs: each message costs silver and counts against the day's characters; a DM to someone never
 * messaged before opens a conversation, and a player opens a limited number a day. The machine
 * keeps only counters and which conversations exist; the text goes to the room.
 */
import type { RoomEffect } from '../../machine-version';
import { isAlive, isPlayer, silverOf, withSilver } from './cast';
import type { GameContext } from './context';
import { ECONOMY, isBlank, messageLength } from './economy';
import { refusal, type Refusal } from './refusals';

/** A conversation's key: its two members, sorted, joined by a space (player ids have none). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** The room channel of a conversation. */
export function dmChannel(a: string, b: string): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  return `dm:${first}:${second}`;
}

export function conversationExists(context: GameContext, a: string, b: string): boolean {
  return context.conversations.includes(pairKey(a, b));
}

/** What a player may still do in DMs today. */
export function dmAllowance(context: GameContext, playerId: string): { conversationsLeft: number; charsLeft: number } {
  return {
    conversationsLeft: Math.max(0, ECONOMY.newConversationsPerDay - (context.today.dmOpened[playerId] ?? 0)),
    charsLeft: Math.max(0, ECONOMY.dmCharsPerDay - (context.today.dmChars[playerId] ?? 0)),
  };
}

/** Why `senderId` may not DM `to` while DMs are open; null when they may. Checks in this order. */
export function checkDm(context: GameContext, senderId: string, to: string, text: string): Refusal | null {
  if (!isAlive(context, senderId)) return refusal('NOT_ALIVE', 'Only players still in the game send DMs.');
  if (to === senderId) return refusal('INVALID_TARGET', 'You cannot DM yourself.');
  if (!isPlayer(context, to)) return refusal('INVALID_TARGET', `There is no player "${to}".`);
  if (!isAlive(context, to)) return refusal('INVALID_TARGET', 'DMs are between players still in the game.');
  if (isBlank(text)) return refusal('EMPTY_MESSAGE');
  if (silverOf(context, senderId) < ECONOMY.dmCost) {
    return refusal('INSUFFICIENT_SILVER', `A DM costs ${ECONOMY.dmCost} silver and you have none.`);
  }
  const { conversationsLeft, charsLeft } = dmAllowance(context, senderId);
  const length = messageLength(text);
  if (length > charsLeft) {
    return refusal('CHAR_LIMIT', `You have ${charsLeft} DM characters left today; this message has ${length}.`);
  }
  if (!conversationExists(context, senderId, to) && conversationsLeft === 0) {
    return refusal(
      'CONVERSATION_LIMIT',
      `You may open ${ECONOMY.newConversationsPerDay} new conversations a day; keep talking in the ones you have.`,
    );
  }
  return null;
}

/** The context after an accepted DM: its cost paid, its characters counted, its conversation open. */
export function afterDm(context: GameContext, senderId: string, to: string, text: string): Partial<GameContext> {
  const isNew = !conversationExists(context, senderId, to);
  const { today } = context;
  return {
    cast: withSilver(context.cast, senderId, -ECONOMY.dmCost),
    conversations: isNew ? [...context.conversations, pairKey(senderId, to)] : context.conversations,
    today: {
      ...today,
      dmChars: { ...today.dmChars, [senderId]: (today.dmChars[senderId] ?? 0) + messageLength(text) },
      dmOpened: isNew ? { ...today.dmOpened, [senderId]: (today.dmOpened[senderId] ?? 0) + 1 } : today.dmOpened,
    },
  };
}

export function dmMessage(from: string, to: string, text: string): Extract<RoomEffect, { type: 'room.message' }> {
  return { type: 'room.message', channel: dmChannel(from, to), members: [from, to].sort(), from, text };
}
