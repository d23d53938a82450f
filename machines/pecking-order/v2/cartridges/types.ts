/**
 * What every cartridge shares: a cartridge is a child machine of the day that the day plan names.
 * The day's chart (`../cartridge-region.ts`) invokes it with id = its slot, forwards its player
 * events with the game's facts of the moment ({@link CartridgeContext}), tells it to close, and
 * applies what it decides ({@link CartridgeOutput}): silver moves and public results.
 *
 * A cartridge has no clock and no access to the game's context: what it needs to judge an event
 * comes with the event, so it can be tested alone, and simulated alone in the workbench.
 */
import type { z } from 'zod';
import type { AnyStateMachine } from 'xstate';
import type { Phase } from '../../v1/presets';

/** The game's facts a cartridge judges by, sent with every event: alive players and their silver, roster order. */
export interface CartridgeContext {
  alive: { playerId: string; silver: number }[];
}

/** What the day hands a cartridge when it opens. */
export interface CartridgeInput<TName extends string = string> {
  day: number;
  name: TName;
  /** The day's seed (room seed and day): every draw of the cartridge comes from it. */
  seed: string;
  /** Every player, alive or not, roster order. */
  players: string[];
  theme: string | null;
}

/** An event forwarded by the day: the player's payload, who sent it, and the facts of now. */
export type ForwardedEvent<T extends { type: string }> = T & { senderId: string; cartridgeContext: CartridgeContext };

/** The day's order to close: decide now. */
export interface CloseEvent {
  type: 'cartridge.close';
  cartridgeContext: CartridgeContext;
}

/** What a closed cartridge decided: silver to move (player → change, never below 0 in the cast) and its public results. */
export interface CartridgeOutput<TName extends string = string, TResults = unknown> {
  name: TName;
  silver: Record<string, number>;
  /** Shown to everyone once the cartridge closed: nothing in it may be a secret after the close. */
  results: TResults;
}

/** A cartridge as the registry lists it (`index.ts`). */
export interface CartridgeDefinition<TName extends string = string> {
  /** The slot: the day region, the child's id and its `src`, and the folder. At most one cartridge per slot per day. */
  slot: string;
  /** The names a day plan may give this slot. */
  names: readonly TName[];
  /** One sentence per name, for the rules document and the lobby. */
  summaries: Record<TName, string>;
  /** Player events the cartridge accepts: type → payload schema (without `type` and `senderId`). */
  events: Record<string, z.ZodType>;
  /**
   * Its events that carry the sender's opaque tag (machine-version.ts `senderTags`): the version,
   * and the workbench entry, list them for the room or the simulation to add. Absent: none.
   */
  senderTags?: readonly string[];
  /** The phase whose start opens it, and the phase whose start closes it. */
  opensAt: Phase;
  closesAt: Phase;
  machine: AnyStateMachine;
}
