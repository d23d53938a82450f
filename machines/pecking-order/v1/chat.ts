/** The group chat: who may post, and the message the room delivers. The text never enters context. */
import type { ReferencedMessage, RoomEffect } from '../../machine-version';
import { isAlive, isPlayer } from './cast';
import type { GameContext } from './context';
import { ECONOMY, isBlank, messageLength } from './economy';
import { refusal, type Refusal } from './refusals';

export const GROUP_CHANNEL = 'group';

/** The reactions a message may get: a fixed set, so counts stay readable and nothing needs moderating. */
export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** Why `senderId` may not mention `mentions`; null when they may. Every mention names another player. */
export function checkMentions(context: GameContext, senderId: string, mentions: readonly string[] | undefined): Refusal | null {
  for (const id of mentions ?? []) {
    if (!isPlayer(context, id)) return refusal('INVALID_TARGET', `There is no player "${id}" to mention.`);
    if (id === senderId) return refusal('INVALID_TARGET', 'You cannot mention yourself.');
  }
  return null;
}

/**
 * Why `senderId` may not point at `message` (null: the room has no such seq). A message the sender
 * cannot read is refused as if it did not exist: the refusal must not tell them a DM is there.
 */
export function checkTarget(senderId: string, message: ReferencedMessage | null | undefined): Refusal | null {
  if (!message || (message.members !== null && !message.members.includes(senderId))) return refusal('MESSAGE_NOT_FOUND');
  return null;
}

/** Why `senderId` may not react to `message` while chat is open; null when they may. */
export function checkReaction(context: GameContext, senderId: string, message: ReferencedMessage | null | undefined): Refusal | null {
  if (!isAlive(context, senderId)) return refusal('NOT_ALIVE', 'Eliminated players read the chat but do not react.');
  return checkTarget(senderId, message);
}

/**
 * Why `senderId` may not post `text` to the group chat as a reply to `message`; null when they may.
 * A reply quotes its target to everyone, so only a group chat message may be quoted: quoting a DM
 * would show it to players outside the conversation.
 */
export function checkChatReply(
  context: GameContext,
  senderId: string,
  text: string,
  message: ReferencedMessage | null | undefined,
): Refusal | null {
  const post = checkChatPost(context, senderId, text);
  if (post) return post;
  const target = checkTarget(senderId, message);
  if (target) return target;
  if (message!.channel !== GROUP_CHANNEL)
    return refusal('MESSAGE_NOT_FOUND', 'A reply in the group chat can only quote a group chat message.');
  return null;
}

export function reactionEffect(from: string, message: ReferencedMessage, emoji: Reaction): Extract<RoomEffect, { type: 'room.reaction' }> {
  return { type: 'room.reaction', seq: message.seq, channel: message.channel, members: message.members, from, emoji };
}

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

export function groupMessage(
  from: string,
  text: string,
  extra: { replyTo?: number; mentions?: readonly string[] } = {},
): Extract<RoomEffect, { type: 'room.message' }> {
  const mentions = [...new Set(extra.mentions ?? [])];
  return {
    type: 'room.message',
    channel: GROUP_CHANNEL,
    members: null,
    from,
    text,
    ...(extra.replyTo !== undefined ? { replyTo: extra.replyTo } : {}),
    ...(mentions.length > 0 ? { mentions } : {}),
  };
}
