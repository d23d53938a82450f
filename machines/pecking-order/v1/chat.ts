/** The group chat: who may post, and the message the room delivers. The text never enters context. */
import type { RoomEffect } from '../../machine-version';
import { isAlive } from './cast';
import type { GameContext } from './context';
import { ECONOMY, isBlank, messageLength } from './economy';
import { refusal, type Refusal } from './refusals';

export const GROUP_CHANNEL = 'group';

/** Why `senderId` may not post `text` to an open group chat; null when they may. */
export function checkChatPost(context: GameContext, senderId: string, text: string): Refusal | null {
  if (!isAlive(context, senderId)) return refusal('NOT_ALIVE', 'Eliminated players read the group chat but do not post.');
  if (isBlank(text)) return refusal('EMPTY_MESSAGE');
  const length = messageLength(text);
  if (length > ECONOMY.chatMaxChars) {
    return refusal('CHAR_LIMIT', `A group chat message is at most ${ECONOMY.chatMaxChars} characters; this one has ${length}.`);
  }
  return null;
}

/** Why the host may not post `text` to the group chat; null when they may. */
export function checkHostMessage(text: string): Refusal | null {
  return isBlank(text) ? refusal('EMPTY_MESSAGE', 'A host message needs some visible text.') : null;
}

export function groupMessage(from: string, text: string): Extract<RoomEffect, { type: 'room.message' }> {
  return { type: 'room.message', channel: GROUP_CHANNEL, members: null, from, text };
}
