/** A room as admins see it: the body of `GET …/status`, also sent on the inspection stream. */
import { z } from 'zod';
import { StateValue } from './state-value';

/** Where the room is in its life. */
export const RoomState = z.enum(['uninitialised', 'running', 'finished', 'restore_failed']);
export type RoomState = z.infer<typeof RoomState>;

/** Why a stored game could not be restored (the room is then `restore_failed`). */
export const RestoreProblemCode = z.enum([
  'UNKNOWN_MACHINE_VERSION',
  'SNAPSHOT_INVALID',
  'TIMERS_INVALID',
  'INIT_INVALID',
  'ENVELOPE_MISSING',
]);
export type RestoreProblemCode = z.infer<typeof RestoreProblemCode>;

/** A durable timer of the room's actor system. */
export const DurableTimerView = z.object({
  /** Actor path from the root, e.g. `root` or `root/day`. */
  actorPath: z.string(),
  /** The XState delayed-event id, e.g. `xstate.after.1000.game.pregame`. */
  timerId: z.string(),
  /** The event type that will be delivered. */
  event: z.string(),
  /** Absolute due time, ms since the epoch. */
  dueAt: z.number(),
});
export type DurableTimerView = z.infer<typeof DurableTimerView>;

/** A row of the room's task table (machine timers, the journal flush). */
export const TaskView = z.object({
  id: z.string(),
  /** e.g. `machine-timer`, `journal-flush`. */
  kind: z.string(),
  description: z.string(),
  type: z.enum(['delayed', 'scheduled', 'cron']),
  dueAt: z.number(),
  /** Failed deliveries since the last success. */
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});
export type TaskView = z.infer<typeof TaskView>;

/**
 * The game as the host's dashboard shows it, from the machine version (machines/machine-version.ts
 * `HostSummary`): words, not state ids, and nothing secret — who has voted, never whom.
 */
export const HostSummary = z.object({
  day: z.number().int(),
  dayCount: z.number().int(),
  /** The step in words, e.g. `Day 2 · Voting`. */
  stage: z.string(),
  /** What time does next, in words, and when (`Voting closes` at `dueAt`); null when nothing is timed. */
  clock: z.object({ label: z.string(), dueAt: z.number() }).nullable(),
  /** The game moves on only when the host advances it. */
  hostAdvances: z.boolean(),
  cast: z.array(z.object({ playerId: z.string(), name: z.string(), alive: z.boolean(), silver: z.number(), gold: z.number() })),
  /** Who has voted in the open step, of who may: never whom. */
  vote: z.object({ label: z.string(), open: z.boolean(), voted: z.array(z.string()), eligible: z.array(z.string()) }).nullable(),
  /** Each night's result (player ids in `text`). */
  nights: z.array(z.object({ day: z.number().int(), label: z.string(), out: z.string().nullable(), text: z.string() })),
  winner: z.string().nullable(),
  /**
   * Today's cartridges (pecking-order@2; absent for versions without): open or not, and once closed
   * their public result in words (player ids in `text`). Never what one player chose while open.
   */
  cartridges: z.array(z.object({ label: z.string(), open: z.boolean(), text: z.string() })).optional(),
  /** Whom each host action applies to now. */
  actionTargets: z.object({ eliminate: z.array(z.string()), credit: z.array(z.string()) }),
});
export type HostSummary = z.infer<typeof HostSummary>;

/** How much the room's chat has carried: counts only, no text and no senders. */
export const ChatActivity = z.object({
  groupMessages: z.number().int(),
  dmMessages: z.number().int(),
  /** DM conversations with at least one message. */
  dmConversations: z.number().int(),
  reactions: z.number().int(),
});
export type ChatActivity = z.infer<typeof ChatActivity>;

export const RoomStatusBody = z.object({
  roomId: z.string(),
  status: RoomState,
  /** The `name@version` the room runs, and the one it was created with (they differ after an upgrade). */
  machine: z.string().nullable(),
  createdWith: z.string().nullable(),
  value: StateValue.nullable(),
  /** Who plays, with display names where the roster has them (public in the game anyway). */
  players: z.array(z.object({ playerId: z.string(), name: z.string() })),
  /** The envelope's seq: one per persisted transition. */
  seq: z.number().int(),
  envelopeBytes: z.number().int(),
  timers: z.array(DurableTimerView),
  tasks: z.array(TaskView),
  restore: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true) }),
    z.object({ ok: z.literal(false), code: RestoreProblemCode, message: z.string() }),
  ]),
  lastError: z.object({ at: z.number(), code: z.string(), message: z.string() }).nullable(),
  /** Journal facts waiting in the outbox for D1. */
  journalPending: z.number().int(),
  /** Approximate bytes persisted (snapshot, timers, messages, facts, the input log) since the room last woke. */
  writes: z.object({ transitions: z.number().int(), bytes: z.number().int(), lastTransitionBytes: z.number().int() }),
  connections: z.number().int(),
  /** Players with an open connection now (public in the game too: the cast shows it). */
  online: z.array(z.string()),
  /** The dashboard's summary, from the machine version; null when the game is not running or the version has none. */
  host: HostSummary.nullable(),
  chat: ChatActivity,
});
export type RoomStatusBody = z.infer<typeof RoomStatusBody>;
