/**
 * The room engine: one actor of a pinned machine version, restored from its envelope, fed events,
 * timers and upgrades, and persisted after every transition. It knows nothing of HTTP, sockets or
 * Durable Objects beyond {@link RoomStorage}: the GameServer adapts it to the platform.
 *
 * A transition flows: input → (deliver overdue timers first) → `actor.send` → collect the machine's
 * emitted effects → one SQLite transaction (envelope + changed timers + messages + journal facts)
 * → only then the caller acknowledges and broadcasts.
 */
import { createActor, type AnyActor, type InspectionEvent } from 'xstate';
import {
  ROOM_EFFECT_TYPES,
  refOf,
  type MachineRef,
  type MachineVersion,
  type PortableEnvelope,
  type RoomEffect,
  type RoomEvent,
  type TimerView,
} from '../machines/machine-version';
import type { MachineRegistry } from '../machines/registry';
import { DurableTimers, MACHINE_TIMER_TASK, ROOT_ACTOR_ID, type MachineTimerPayload } from './durable-timers';
import { EnvelopeStore, type Envelope, type RoomRecord } from './envelope';
import { InspectionLog, type StoredRecord } from './inspection-log';
import { JOURNAL_FLUSH_TASK, JournalOutbox, type JournalFact, type JournalSink } from './journal/outbox';
import { MessageLog, type ChatMessage } from './message-log';
import { RoomError } from './room-error';
import type { RoomStorage } from './room-storage';
import type { Scheduler, Task } from './scheduler';
import { snapshotProblem } from './snapshot-check';

export type RoomStatus = 'uninitialised' | 'running' | 'finished' | 'restore_failed';

export interface RestoreProblem {
  code: 'UNKNOWN_MACHINE_VERSION' | 'SNAPSHOT_INVALID' | 'TIMERS_INVALID' | 'INIT_INVALID' | 'ENVELOPE_MISSING';
  message: string;
}

export interface Refusal {
  to: string;
  code: string;
  message: string;
}

/** What one input did, for the caller to acknowledge and broadcast after it was persisted. */
export interface TransitionOutcome {
  refusals: Refusal[];
  messages: ChatMessage[];
  /** Inspection records of the persisted transitions, for inspector connections. */
  records?: StoredRecord[];
  /** True when a write happened (state, timers, messages or facts changed). */
  persisted: boolean;
  /** True when the snapshot or the timers changed, i.e. views may have; false for message-only writes. */
  stateChanged?: boolean;
}

/** A fact the room itself records (not one the machine emitted). */
export interface RoomFact {
  kind: string;
  data: Record<string, unknown>;
}

export interface RoomEngineOptions {
  storage: RoomStorage;
  scheduler: Scheduler;
  registry: MachineRegistry;
  now: () => number;
  /** Every inspection event of the actor system (for the inspection stream). */
  onInspect?: (event: InspectionEvent) => void;
}

/** A bound on timers delivered in one go: a machine that keeps scheduling zero delays must not hang the room. */
const MAX_DELIVERIES_PER_INPUT = 1_000;

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/** JSON with sorted keys, so equal payloads hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v,
  );
}

export class RoomEngine {
  private readonly envelopes: EnvelopeStore;
  private readonly outbox: JournalOutbox;
  readonly messages: MessageLog;
  readonly inspection: InspectionLog;
  private readonly registry: MachineRegistry;
  private readonly scheduler: Scheduler;
  private readonly storage: RoomStorage;
  private readonly now: () => number;
  private readonly onInspect: ((event: InspectionEvent) => void) | undefined;

  room: RoomRecord | undefined;
  version: MachineVersion | undefined;
  /** The init payload as the version's schema parsed it. */
  init: unknown;
  private actor: AnyActor | undefined;
  private timers: DurableTimers | undefined;
  private envelope: Envelope | undefined;
  private effects: RoomEffect[] = [];
  problem: RestoreProblem | undefined;
  /** What persisting has cost since this instance woke (for the benchmarks and `/status`). */
  readonly writes = { transitions: 0, bytes: 0, lastTransitionBytes: 0 };

  constructor(options: RoomEngineOptions) {
    this.storage = options.storage;
    this.scheduler = options.scheduler;
    this.registry = options.registry;
    this.now = options.now;
    this.onInspect = options.onInspect;
    this.envelopes = new EnvelopeStore(this.storage);
    this.outbox = new JournalOutbox(this.storage);
    this.messages = new MessageLog(this.storage);
    this.inspection = new InspectionLog(this.storage);
  }

  /**
   * Restores the actor from the stored envelope and re-arms its timers. Never writes and never
   * throws: a problem leaves the room refusing game events with {@link problem} set, and the
   * stored envelope untouched for an admin to inspect or upgrade.
   */
  restore(): RoomStatus {
    this.discardActor();
    this.problem = undefined;
    this.room = this.envelopes.readRoom();
    this.envelope = this.envelopes.read();
    if (!this.room) return 'uninitialised';
    if (!this.envelope) return this.fail('ENVELOPE_MISSING', 'the room was initialised but holds no game state');
    const version = this.registry.get(this.envelope.machine);
    if (!version) {
      return this.fail('UNKNOWN_MACHINE_VERSION', `machine ${this.envelope.machine} is not registered in this build`);
    }
    const init = version.initSchema.safeParse({ roster: this.room.init.roster, manifest: this.room.init.manifest });
    if (!init.success) return this.fail('INIT_INVALID', `the stored init no longer fits ${this.envelope.machine}`);
    let snapshot: unknown;
    try {
      snapshot = JSON.parse(this.envelope.snapshot);
    } catch {
      return this.fail('SNAPSHOT_INVALID', 'the stored snapshot is not valid JSON');
    }
    const problem = snapshotProblem(version.machine, snapshot);
    if (problem) return this.fail('SNAPSHOT_INVALID', problem);
    const timerTasks = this.scheduler.list<MachineTimerPayload>({ kind: MACHINE_TIMER_TASK });
    const started = this.startActor(version, { snapshot }, timerTasks);
    if (typeof started === 'string') return this.fail('TIMERS_INVALID', started);
    // Starting from a snapshot is not a transition: keep it out of the inspection history.
    this.inspection.discard();
    this.version = version;
    this.init = init.data;
    return this.status;
  }

  get status(): RoomStatus {
    if (this.problem) return 'restore_failed';
    if (!this.room) return 'uninitialised';
    return this.actor?.getSnapshot().status === 'active' ? 'running' : 'finished';
  }

  get machineRef(): MachineRef | undefined {
    return this.envelope?.machine;
  }

  get seq(): number {
    return this.envelope?.seq ?? 0;
  }

  /** The size of what every transition rewrites: the snapshot plus the timer rows. */
  get envelopeBytes(): number {
    if (!this.envelope) return 0;
    const timers = JSON.stringify(this.timers?.list() ?? []);
    return new TextEncoder().encode(this.envelope.snapshot).byteLength + new TextEncoder().encode(timers).byteLength;
  }

  /**
   * The persisted snapshot, as stored (what projections and the inspector read). Parsed once per
   * envelope: every player's projection after a transition reads the same object, so treat it as
   * read-only.
   */
  get snapshot(): unknown {
    if (!this.envelope) return undefined;
    if (this.parsed?.source !== this.envelope.snapshot) {
      this.parsed = { source: this.envelope.snapshot, value: JSON.parse(this.envelope.snapshot) };
    }
    return this.parsed.value;
  }
  private parsed: { source: string; value: unknown } | undefined;

  get timerViews(): TimerView[] {
    return this.timers?.views() ?? [];
  }

  get journalPending(): number {
    return this.outbox.pending();
  }

  /** Sends pending journal facts; throws when the sink fails (the caller retries later). */
  flushJournal(sink: JournalSink): Promise<number> {
    return this.outbox.flush(sink);
  }

  /**
   * The lobby's handoff. 201 on the first valid init; 200 when the same payload comes again;
   * `ROOM_EXISTS` when a different one does. Validation errors carry `{ path, message }` issues.
   */
  async initialise(payload: { machine: string; roster: unknown; manifest: unknown }, roomId: string): Promise<'created' | 'unchanged'> {
    const initHash = await sha256(canonicalJson(payload));
    if (this.room) {
      if (this.room.initHash === initHash) return 'unchanged';
      throw new RoomError('ROOM_EXISTS', 'this room was already initialised with a different payload');
    }
    const version = this.registry.get(payload.machine);
    if (!version) {
      throw new RoomError('UNKNOWN_MACHINE', `machine "${payload.machine}" is not registered`, {
        known: this.registry.list().map(refOf),
      });
    }
    const parsed = version.initSchema.safeParse({ roster: payload.roster, manifest: payload.manifest });
    if (!parsed.success) {
      throw new RoomError('INVALID_INIT', 'the init payload does not fit the machine version', {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
      });
    }
    const now = this.now();
    const room: RoomRecord = { roomId, createdWith: refOf(version), init: payload, initHash, createdAt: now, seed: roomId };
    const late = version.checkInit?.(parsed.data, { roomId, createdAt: now, seed: room.seed }) ?? [];
    if (late.length > 0) {
      throw new RoomError('INVALID_INIT', 'the init payload does not fit the machine version', {
        issues: late.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
      });
    }
    const input = version.createInput(parsed.data, { roomId, createdAt: now, seed: room.seed });
    const started = this.startActor(version, { input }, []);
    if (typeof started === 'string' || this.actor!.getSnapshot().status === 'error') {
      this.discardActor();
      throw new RoomError('MACHINE_FAILED', `the machine could not start: ${typeof started === 'string' ? started : 'error'}`);
    }
    this.version = version;
    this.init = parsed.data;
    this.room = room;
    this.envelope = undefined;
    try {
      this.settle([{ kind: 'room.created', data: { machine: room.createdWith } }], () => this.envelopes.writeRoom(room));
    } catch (error) {
      this.room = undefined;
      throw error;
    }
    this.deliverDueTimers();
    return 'created';
  }

  /**
   * Sends one event from a player or an admin. The caller delivers overdue timers first (every entry
   * point does), so an input never overtakes time: a ballot after the vote's due close is refused
   * by the machine, not counted. Zero-delay timers the event schedules are delivered before returning.
   */
  send(event: RoomEvent, roomFacts: RoomFact[] = []): TransitionOutcome {
    const actor = this.requireRunning();
    actor.send(event);
    const outcome = this.settle(roomFacts);
    const after = this.deliverDueTimers();
    return {
      refusals: outcome.refusals,
      messages: [...outcome.messages, ...after.messages],
      records: [...(outcome.records ?? []), ...(after.records ?? [])],
      persisted: outcome.persisted || after.persisted,
      stateChanged: !!(outcome.stateChanged || after.stateChanged),
    };
  }

  /** Delivers every machine timer that is due, in due order; each delivery persists as a transition. */
  deliverDueTimers(): TransitionOutcome & { failures: RoomError[]; records: StoredRecord[] } {
    const total: TransitionOutcome & { failures: RoomError[]; records: StoredRecord[] } = {
      refusals: [],
      messages: [],
      records: [],
      persisted: false,
      failures: [],
    };
    if (!this.actor || !this.timers) return total;
    for (let i = 0; i < MAX_DELIVERIES_PER_INPUT; i++) {
      const [task] = this.scheduler.list<MachineTimerPayload>({ kind: MACHINE_TIMER_TASK, dueBy: this.now() });
      if (!task) break;
      let outcome: TransitionOutcome;
      try {
        outcome = this.fire(task);
      } catch (error) {
        // The delivery rolled back (the actor was restored from storage). Keep the timer and try
        // again after a backoff, so one failing timer neither spins, nor blocks the timers due
        // after it, nor is lost; the alarm re-arms for the retry.
        const retryAt = this.storage.transaction(() => this.scheduler.retryLater(task, this.now(), error));
        this.restore();
        const failure = error instanceof RoomError ? error : new RoomError('INTERNAL_ERROR', String(error));
        total.failures.push(
          new RoomError(failure.code, `${failure.message} (timer "${task.description}" retries at ${new Date(retryAt).toISOString()})`),
        );
        continue;
      }
      total.messages.push(...outcome.messages);
      total.refusals.push(...outcome.refusals);
      total.records.push(...(outcome.records ?? []));
      total.stateChanged ||= outcome.stateChanged ?? outcome.persisted;
      total.persisted ||= outcome.persisted;
    }
    return total;
  }

  private fire(task: Task<MachineTimerPayload>): TransitionOutcome {
    if (!this.timers!.fire(task)) {
      // Stale (already delivered, cancelled or replaced): at-least-once alarms land here. Removing
      // the row changes nothing anyone sees.
      this.storage.transaction(() => this.scheduler.cancel(task.id));
      return { refusals: [], messages: [], persisted: false };
    }
    return this.settle([]);
  }

  /** Makes a machine timer due now and delivers what is due (a developer tool; see `/timers/fire`). */
  fireNow(taskId: string): TransitionOutcome & { failures: RoomError[]; records: StoredRecord[] } {
    this.requireRunning();
    const task = this.scheduler.get(taskId);
    if (!task || task.kind !== MACHINE_TIMER_TASK) throw new RoomError('NOT_FOUND', `no machine timer "${taskId}"`);
    this.storage.transaction(() => this.scheduler.reschedule(taskId, this.now()));
    return this.deliverDueTimers();
  }

  /** Moves the room to the next registered version, by that version's explicit migration. */
  upgrade(to: string): { from: MachineRef; to: MachineRef } {
    this.requireLoaded();
    const from = this.envelope!.machine;
    const target = this.registry.get(to);
    if (!target) throw new RoomError('UNKNOWN_MACHINE', `machine "${to}" is not registered`);
    if (target.upgrade?.from !== from) {
      throw new RoomError('NO_UPGRADE_PATH', `${to} does not upgrade from ${from}`);
    }
    // From storage, not memory: an upgrade also rescues rooms whose restore failed.
    const old: PortableEnvelope = {
      machine: from,
      snapshot: JSON.parse(this.envelope!.snapshot),
      timers: this.scheduler
        .list<MachineTimerPayload>({ kind: MACHINE_TIMER_TASK })
        .map((task) => ({ ...task.payload, dueAt: task.time })),
    };
    let next: PortableEnvelope;
    try {
      next = target.upgrade.migrate(structuredClone(old));
    } catch (error) {
      throw new RoomError('UPGRADE_FAILED', `the migration to ${to} failed: ${(error as Error).message}`);
    }
    const problem = snapshotProblem(target.machine, next.snapshot);
    if (problem) throw new RoomError('UPGRADE_FAILED', `the migrated snapshot does not fit ${to}: ${problem}`);
    const previousTasks = this.scheduler.list({ kind: MACHINE_TIMER_TASK });
    const fresh = next.timers.map((t, i) => ({
      id: `timer-${crypto.randomUUID()}`,
      kind: MACHINE_TIMER_TASK,
      description: `${t.actorPath} ${t.timerId}`,
      payload: { actorPath: t.actorPath, timerId: t.timerId, targetPath: t.targetPath, event: t.event },
      type: 'scheduled' as const,
      time: t.dueAt,
      cron: null,
      attempts: 0,
      lastError: null,
      createdAt: this.now() + i,
    }));
    const started = this.startActor(target, { snapshot: next.snapshot }, fresh);
    if (typeof started === 'string') {
      this.restore();
      throw new RoomError('UPGRADE_FAILED', started);
    }
    this.version = target;
    this.problem = undefined;
    const init = target.initSchema.safeParse({ roster: this.room!.init.roster, manifest: this.room!.init.manifest });
    this.init = init.success ? init.data : this.init;
    this.persist([{ kind: 'room.upgraded', data: { from, to: refOf(target) } }], [], () => {
      for (const task of previousTasks) this.scheduler.cancel(task.id);
      for (const task of fresh) this.scheduler.schedule(task);
    });
    return { from, to: refOf(target) };
  }

  /** A player's view; only from a running or finished room. */
  project(playerId: string): unknown {
    if (!this.version || !this.envelope) return undefined;
    return this.version.project({ snapshot: this.snapshot, init: this.init, playerId, timers: this.timerViews });
  }

  private startActor(
    version: MachineVersion,
    from: { snapshot: unknown } | { input: unknown },
    timerTasks: readonly Task<MachineTimerPayload>[],
  ): true | string {
    const timers = new DurableTimers(this.now);
    this.effects = [];
    const actor = createActor(version.machine, {
      ...from,
      id: ROOT_ACTOR_ID,
      clock: timers.clock,
      inspect: (event: InspectionEvent) => {
        if (
          event.type === '@xstate.action' &&
          event.action.type === 'xstate.emit' &&
          ROOM_EFFECT_TYPES.has((event.action.params as { event?: { type?: string } })?.event?.type ?? '')
        ) {
          this.effects.push((event.action.params as { event: RoomEffect }).event);
        }
        this.inspection.capture(event, this.now());
        this.onInspect?.(event);
      },
    } as any);
    if (actor.getSnapshot().status === 'error') return 'the snapshot does not restore into this machine';
    // An error observer: without one XState rethrows machine errors asynchronously as uncaught.
    // The room reads the failure from the snapshot's status instead (see settle).
    actor.subscribe({ error: () => {} });
    timers.install(actor);
    actor.start();
    if (actor.getSnapshot().status === 'error') return 'the actor failed on start';
    try {
      timers.rearm(actor, timerTasks);
    } catch (error) {
      return (error as Error).message;
    }
    this.actor = actor;
    this.timers = timers;
    return true;
  }

  /** After the actor settled: persist what changed, or roll back when the machine failed. */
  private settle(roomFacts: RoomFact[], extra?: () => void): TransitionOutcome {
    const actor = this.actor!;
    const effects = this.effects;
    this.effects = [];
    if (actor.getSnapshot().status === 'error') {
      const error = (actor.getSnapshot() as { error?: unknown }).error;
      this.restore();
      throw new RoomError('MACHINE_ERROR', `the machine failed on this event and nothing changed: ${String((error as Error)?.message ?? error)}`);
    }
    const refusals = effects
      .filter((e): e is Extract<RoomEffect, { type: 'room.refuse' }> => e.type === 'room.refuse')
      .map(({ to, code, message }) => ({ to, code, message }));
    const facts: RoomFact[] = [
      ...roomFacts,
      ...effects
        .filter((e): e is Extract<RoomEffect, { type: 'room.journal' }> => e.type === 'room.journal')
        .map(({ kind, data }) => ({ kind, data })),
    ];
    const posted = effects.filter((e): e is Extract<RoomEffect, { type: 'room.message' }> => e.type === 'room.message');
    const result = this.persist(facts, posted, extra);
    if (!result.persisted) this.inspection.discard();
    return { refusals, messages: result.messages, persisted: result.persisted, stateChanged: result.stateChanged, records: result.records ?? [] };
  }

  /**
   * One atomic write: envelope, changed timers, messages and journal facts. Skipped when nothing
   * changed (a refused event). On failure the in-memory actor, now ahead of storage, is dropped
   * and restored from the last good envelope, so memory never holds what storage does not.
   */
  private persist(
    facts: RoomFact[],
    posted: Extract<RoomEffect, { type: 'room.message' }>[] = [],
    extra?: () => void,
  ): { persisted: boolean; stateChanged?: boolean; messages: ChatMessage[]; records?: StoredRecord[] } {
    const actor = this.actor!;
    const snapshot = JSON.stringify(actor.getPersistedSnapshot());
    const changed = snapshot !== this.envelope?.snapshot || this.timers!.dirty;
    if (!changed && facts.length === 0 && posted.length === 0 && !extra) return { persisted: false, messages: [] };
    const now = this.now();
    const envelope: Envelope = { machine: refOf(this.version!), snapshot, seq: this.seq + 1, updatedAt: now };
    let messages: ChatMessage[] = [];
    let records: StoredRecord[] = [];
    let bytes = 0;
    try {
      this.storage.transaction(() => {
        extra?.();
        this.envelopes.write(envelope);
        records = this.inspection.flush(envelope.seq);
        bytes += snapshot.length + records.reduce((n, r) => n + r.json.length, 0);
        bytes += this.timers!.flush(this.scheduler);
        messages = posted.map(({ channel, members, from, text }) => this.messages.append({ channel, members, from, text, at: now }));
        bytes += messages.reduce((n, m) => n + m.text.length + m.channel.length + (m.members?.length ?? 0) * 8, 0);
        if (facts.length > 0) {
          bytes += JSON.stringify(facts).length;
          this.outbox.append(
            facts.map((fact, i): JournalFact => ({
              factId: `${this.room!.roomId}:${envelope.seq}:${i}`,
              roomId: this.room!.roomId,
              machine: envelope.machine,
              seq: envelope.seq,
              kind: fact.kind,
              data: fact.data,
              at: now,
            })),
          );
          // A flush already waiting (perhaps backing off after a D1 failure) keeps its own time.
          if (!this.scheduler.get(JOURNAL_FLUSH_TASK)) {
            this.scheduler.schedule({
              id: JOURNAL_FLUSH_TASK,
              kind: JOURNAL_FLUSH_TASK,
              description: 'send journal facts to D1',
              payload: {},
              type: 'scheduled',
              time: now,
            });
          }
        }
      });
    } catch (error) {
      this.restore();
      if (error instanceof RoomError) throw error;
      throw new RoomError('PERSIST_FAILED', `the transition could not be saved and nothing changed: ${(error as Error).message}`);
    }
    this.envelope = envelope;
    this.writes.transitions++;
    this.writes.bytes += bytes;
    this.writes.lastTransitionBytes = bytes;
    return { persisted: true, stateChanged: changed || !!extra, messages, records };
  }

  private requireLoaded(): void {
    if (!this.room) throw new RoomError('ROOM_NOT_FOUND', 'this room has not been initialised');
    if (!this.envelope) throw new RoomError('RESTORE_FAILED', this.problem?.message ?? 'the room has no state');
  }

  private requireRunning(): AnyActor {
    if (!this.room) throw new RoomError('ROOM_NOT_FOUND', 'this room has not been initialised');
    if (this.problem) {
      throw new RoomError('RESTORE_FAILED', `the room cannot run: ${this.problem.message}; an admin must upgrade or repair it`);
    }
    const actor = this.actor!;
    if (actor.getSnapshot().status !== 'active') throw new RoomError('GAME_OVER', 'the game is over; the room is read-only');
    return actor;
  }

  private fail(code: RestoreProblem['code'], message: string): RoomStatus {
    this.discardActor();
    this.problem = { code, message };
    return 'restore_failed';
  }

  /**
   * Forgets the in-memory actor without stopping it: a stopped actor's snapshot says `stopped` and
   * would restore dead if it were ever persisted. Its timers are inert, so nothing of it runs on.
   */
  private discardActor(): void {
    this.actor = undefined;
    this.timers = undefined;
    this.effects = [];
  }
}
