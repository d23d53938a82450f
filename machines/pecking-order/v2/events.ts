/** The events pecking-order@2 admits: @1's, and every cartridge's player events (cartridges/index.ts). */
import type { z } from 'zod';
import { adminEvents, messageRefs, playerEvents as v1PlayerEvents, type GameEvent as V1GameEvent } from '../v1/events';
import { cartridgePlayerEvents, cartridgeSenderTags } from './cartridges';
import type { PromptOption } from './cartridges/prompt/rule';

export const playerEvents: Record<string, z.ZodType> = { ...v1PlayerEvents, ...cartridgePlayerEvents };
export { adminEvents, messageRefs };

/** Player events that carry the sender's opaque tag (machine-version.ts `senderTags`): the confession booth derives handles from it. */
export const senderTags = cartridgeSenderTags;

/** A cartridge's player event as the machine receives it (the payloads of `cartridgePlayerEvents`). */
export type CartridgePlayerEvent =
  | { type: 'prompt.answer'; senderId: string; option: PromptOption }
  | { type: 'dilemma.donate'; senderId: string }
  | { type: 'dilemma.spotlight'; senderId: string; target: string }
  | { type: 'confession.post'; senderId: string; text: string; senderTag: string | null }
  | { type: 'whisper.send'; senderId: string; to: string; text: string }
  | { type: 'nudge.send'; senderId: string; to: string };

export type GameEvent = V1GameEvent | CartridgePlayerEvent;
