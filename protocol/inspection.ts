/**
 * The inspection stream at `…/inspect` (admins only): the credential frame an inspector sends first,
 * then the room's frames. Records carry XState inspection events in the shapes `@statelyai/inspect`
 * sends, with actor paths (`root`, `root/vote`) as session ids, so the official Stately inspector
 * can read them as they are; engine/inspection-records.ts makes them.
 */
import { z } from 'zod';
import { StateValue } from './state-value';
import { RoomStatusBody } from './status';

/** The `@statelyai/inspect` event format version the records follow. */
export const STATELY_INSPECT_VERSION = '0.7.2';

/** An event as an actor received it; `senderId` is set by the room on player and admin events. */
export const InspectedEvent = z.object({ type: z.string(), senderId: z.string().optional() }).catchall(z.unknown());
export type InspectedEvent = z.infer<typeof InspectedEvent>;

/** An actor's snapshot, serialised. */
export const InspectedSnapshot = z
  .object({
    value: StateValue.optional(),
    context: z.unknown().optional(),
    status: z.enum(['active', 'done', 'error', 'stopped']).optional(),
    /** Invoked or spawned children, by id (serialised actor refs). */
    children: z.record(z.string(), z.unknown()).optional(),
  })
  .catchall(z.unknown());
export type InspectedSnapshot = z.infer<typeof InspectedSnapshot>;

export const StatelyInspectionEvent = z.object({
  type: z.enum(['@xstate.actor', '@xstate.event', '@xstate.snapshot']),
  /** The actor's path. */
  sessionId: z.string(),
  rootId: z.string(),
  id: z.null(),
  /** ms since the epoch, as a string (as `@statelyai/inspect` sends it). */
  createdAt: z.string(),
  _version: z.string(),
  /** `@xstate.actor`: the actor's name, its parent's path, and its machine config as JSON. */
  name: z.string().optional(),
  parentId: z.string().optional(),
  definition: z.string().optional(),
  /** `@xstate.event`: the sending actor's path. */
  sourceId: z.string().optional(),
  /** `@xstate.event` and `@xstate.snapshot`: the event (processed, for a snapshot). */
  event: InspectedEvent.optional(),
  snapshot: InspectedSnapshot.optional(),
});
export type StatelyInspectionEvent = z.infer<typeof StatelyInspectionEvent>;

export const InspectionRecord = z.object({
  /** Increases through the room's history: `seq × 100,000 +` the record's place in its transition (older rooms counted 1, 2, 3…, below these). */
  n: z.number().int(),
  /** The envelope seq of the transition this record belongs to. */
  seq: z.number().int(),
  at: z.number(),
  event: StatelyInspectionEvent,
});
export type InspectionRecord = z.infer<typeof InspectionRecord>;

/** The first frame of an inspector connection: the admin token or the lobby secret (never in the URL). */
export const InspectorAuthFrame = z.object({ type: z.literal('auth'), token: z.string().min(1).max(4096) });
export type InspectorAuthFrame = z.infer<typeof InspectorAuthFrame>;

/** Frames the room sends an authenticated inspector. */
export const InspectorFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('inspect.hello'),
    roomId: z.string(),
    status: RoomStatusBody,
    /** The pinned machine's chart description (`MachineDefinition` of machines/definition.ts, which owns its shape), or null. */
    definition: z.unknown(),
    /** The records the room keeps (its most recent transitions'), oldest first. */
    history: z.array(InspectionRecord),
  }),
  /** After every persisted transition, its records. */
  z.object({ type: z.literal('inspect.records'), records: z.array(InspectionRecord) }),
  /** After every persisted transition, the new status. */
  z.object({ type: z.literal('inspect.status'), status: RoomStatusBody }),
]);
export type InspectorFrame = z.infer<typeof InspectorFrame>;
