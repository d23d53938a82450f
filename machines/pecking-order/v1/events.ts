/**
 * The events the room admits, by type: their payload schemas (without `type` and `senderId`, which
 * the room sets) and their types as the machine receives them.
 */
import { z } from 'zod';
import type { ReferencedMessage } from '../../machine-version';
import { REACTIONS } from './chat';
import { MAX_PLAYERS, playerIdSchema } from './roster';

/** A bound on any message payload, far above every game limit: the machine refuses over-limit texts itself. */
export const MAX_PAYLOAD_TEXT = 4_000;

const text = z.string().max(MAX_PAYLOAD_TEXT, `A message is at most ${MAX_PAYLOAD_TEXT} characters.`);

/** The players a message @mentions (see `mentionsIn`); each must be another player of the game. */
const mentions = z.array(playerIdSchema).max(MAX_PLAYERS).optional();

/** A stored message, by its seq in the room (the `seq` of a delivered message). */
const messageSeq = z.number().int().positive();

export const playerEvents = {
  'chat.post': z.object({ text, mentions }).describe('Post to the group chat; `mentions` are the players it names with @, who are told.'),
  'chat.reply': z
    .object({ replyTo: messageSeq, text, mentions })
    .describe('Post to the group chat in answer to a group chat message (`replyTo`, its seq), which the reply quotes.'),
  'chat.react': z
    .object({ seq: messageSeq, emoji: z.enum(REACTIONS) })
    .describe('Toggle a reaction (one of a fixed five emoji) on a message you can read; sending it again takes it back.'),
  'dm.send': z
    .object({ to: playerIdSchema, text })
    .describe('Send a DM to another alive player; the first DM between two players opens their conversation.'),
  'silver.transfer': z.object({ to: playerIdSchema, amount: z.number().int().positive() }).describe('Give silver to another alive player.'),
  'vote.cast': z
    .object({
      target: playerIdSchema.optional(),
      trust: playerIdSchema.optional(),
      elect: playerIdSchema.optional(),
      pick: playerIdSchema.optional(),
    })
    .describe(
      'Cast a ballot, or change it: each field sent replaces the earlier value of that field. Which fields count depends on the day’s vote type.',
    ),
  'activity.pick': z
    .object({ target: playerIdSchema })
    .describe('PLAYER_PICK: secretly pick another alive player; a new pick replaces the earlier one.'),
} as const;

export const adminEvents = {
  'admin.advance': z.object({}).describe('Move to the next phase (or vote step) now: the only way forward in an ADMIN-scheduled game.'),
  'admin.eliminate': z
    .object({ playerId: playerIdSchema })
    .describe('Put a player out now; refused when the days still to play would have too few players.'),
  'admin.credit': z
    .object({
      playerId: playerIdSchema,
      amount: z
        .number()
        .int()
        .refine((n) => n !== 0, 'A credit of 0 changes nothing.'),
    })
    .describe('Credit silver, or debit it with a negative amount; a balance never goes below 0.'),
  'admin.hostMessage': z
    .object({ text })
    .describe('Post to the group chat as the host (sender `admin`); refused (`EMPTY_MESSAGE`) without visible text.'),
  'admin.endGame': z.object({}).describe('End the game now, without a winner; the gold pool is not paid.'),
} as const;

/** Player events that name a stored message, and the field holding its seq: the room looks it up. */
export const messageRefs = { 'chat.reply': 'replyTo', 'chat.react': 'seq' } as const;

type Payloads<T extends Record<string, z.ZodType>> = { [K in keyof T & string]: { type: K; senderId: string } & z.output<T[K]> };

/** An event in {@link messageRefs} carries the message the room found for it (null: none). */
type WithMessage<T> = { [K in keyof T]: K extends keyof typeof messageRefs ? T[K] & { message: ReferencedMessage | null } : T[K] };

export type PlayerEventMap = WithMessage<Payloads<typeof playerEvents>>;
export type AdminEventMap = Payloads<typeof adminEvents>;
export type PlayerEvent = PlayerEventMap[keyof PlayerEventMap];
export type AdminEvent = AdminEventMap[keyof AdminEventMap];

/** Raised by the day's phase region as it enters a phase, so the other regions can follow. */
export type PhaseEvent = { type: 'phase.morning' | 'phase.social' | 'phase.voting' | 'phase.results' | 'phase.night' };

export type GameEvent = PlayerEvent | AdminEvent | PhaseEvent;
