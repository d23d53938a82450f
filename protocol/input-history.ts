/**
 * A room's recorded input history: what the room's host accepted, in order, each with the time it
 * was given. Replaying it on a version (engine replay, the workbench, `npm run replay`) rebuilds the
 * room's game exactly, since the host is deterministic given its inputs, its clock and the room's
 * facts; replaying it on a designer's draft shows what the game would have done under the change.
 *
 * Timer deliveries are recorded as `time` inputs: the replayed version's own timers decide what is
 * due by then, so a draft that changes a delay diverges where it should, not where the original's
 * timers said. A room exports it at `GET …/history` (admins only); the inspector saves it as a file.
 */
import { z } from 'zod';
import { StateValue } from './state-value';

/** The file format's name and version; a reader refuses any other. */
export const INPUT_HISTORY_FORMAT = 'pecking-order/input-history@1';

const EventBody = z.object({ type: z.string().min(1) }).catchall(z.unknown());

/** One input as the host takes it (engine/host.ts `HostInput`, less the test-only `unchecked`). */
export const RecordedInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('player'),
    playerId: z.string().min(1),
    event: EventBody,
    /** The stored message the event names (a reply's or reaction's target), as the room found it. */
    message: z
      .object({ seq: z.number().int(), channel: z.string(), members: z.array(z.string()).nullable(), from: z.string() })
      .nullable()
      .optional(),
    /** The sender's opaque tag the room added (the version's `senderTags`): what a replay gives the machine again. */
    tag: z.string().optional(),
  }),
  z.object({ type: z.literal('admin'), event: EventBody }),
  z.object({ type: z.literal('time') }),
  z.object({ type: z.literal('fire'), actorPath: z.string().min(1), timerId: z.string().min(1) }),
]);
export type RecordedInput = z.infer<typeof RecordedInput>;

export const HistoryEntry = z.object({
  /** The host's clock when the input was given (ms since the epoch). */
  at: z.number().int().nonnegative(),
  input: RecordedInput,
  /** What the room's own host made of it, for checking a replay against the original: its seq and state after. */
  after: z.object({ seq: z.number().int().nonnegative(), value: StateValue }).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const InputHistory = z.object({
  format: z.literal(INPUT_HISTORY_FORMAT),
  /** The room the history was recorded in. */
  room: z.string().min(1),
  /** The version the room started on, `name@version`. */
  machine: z.string().regex(/^[a-z0-9-]+@\d+$/),
  /** The room facts the host was created with (engine `RoomFacts`). */
  facts: z.object({ roomId: z.string().min(1), createdAt: z.number().int().nonnegative(), seed: z.string() }),
  /** The init payload as the room stored it (all of it but `machine`). */
  init: z.unknown(),
  /** Accepted inputs in the order given. Inputs rejected before reaching the machine are left out. */
  entries: z.array(HistoryEntry),
  /** True when the room was upgraded during the history: the entries after `upgradedAt` ran on a later version. */
  upgradedAt: z.number().int().nonnegative().optional(),
});
export type InputHistory = z.infer<typeof InputHistory>;
