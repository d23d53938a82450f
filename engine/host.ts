/**
 * The one host of a machine version: the room, the whole-game tests and the designer's workbench
 * all run a version through this class, so what a test or a designer sees is what production does.
 *
 * It is pure in the sense that matters: no storage, no network, no timers of its own. Time comes
 * from an injected clock; what to persist and what to send comes back as one {@link StepResult}
 * per input, for the adapter to apply (the room in one SQLite transaction, the workbench in memory).
 *
 * Invariants:
 * - An input never overtakes time: every timer due at the clock's now is delivered, in due order,
 *   before the input, each as its own transition at its own due time. When a due timer cannot be
 *   delivered, the input is rejected (`TIMER_FAILED`) and no later timer is delivered either.
 * - A transition that throws changes nothing: the actor is rebuilt from the last good state.
 * - Time inside the host never runs backwards, across restores too (the stored state keeps it).
 * - Timers are read from XState's public surfaces (see step-recorder.ts) and delivered by sending
 *   their event to their target, which is all an XState clock would do. The actor's own clock is
 *   inert: XState never fires anything by itself here.
 */
import type { Operation } from 'fast-json-patch';
import { createActor, type AnyActorRef } from 'xstate';
import {
  ADMIN_SENDER,
  refOf,
  type HostSummary,
  type MachineRef,
  type MachineVersion,
  type PortableTimer,
  type ReferencedMessage,
  type RoomEffect,
  type RoomEvent,
  type RoomFacts,
  type TimerView,
} from '../machines/machine-version';
import type { StatelyInspectionEvent } from '../protocol';
import { ActorPaths, ROOT_ACTOR_ID, actorAt } from './actor-tree';
import { HostError, RestoreError, issuesOf } from './host-error';
import { sameJson } from './json-equal';
import { viewPatch } from './view-patch';
import { toStatelyEvent } from './inspection-records';
import { snapshotProblem } from './snapshot-check';
import { StepRecorder, type Recording } from './step-recorder';
import { deadTimers, waitingStates } from './timer-check';
import { TimerTable, type DurableTimer } from './timer-table';

/** Where the host reads the time. The room passes the wall clock; tests and the workbench a simulated one. */
export interface HostClock {
  now(): number;
}

export interface HostOptions {
  clock: HostClock;
  /** Keep Stately-shaped inspection events per transition (the room and the workbench do; tests need not). */
  inspect?: boolean;
  /**
   * Tell whose view changed after each step (default true: a room must). An adapter that sends no
   * views (the workbench, a benchmark of the machine alone) saves projecting every player every step;
   * `StepResult.views` is then empty. It changes nothing else the host does.
   */
  views?: boolean;
}

/** Everything a host needs to resume: what an adapter persists after every step. */
export interface StoredState {
  machine: MachineRef;
  /**
   * `actor.getPersistedSnapshot()`, serialised. A state the host made serialises it the first time
   * this field is read, and once: a room reads it at every step it persists, a simulation that
   * never stores anything never pays for it (see SnapshotCell).
   */
  snapshot: string;
  /** Durable timers in scheduling order. */
  timers: readonly PortableTimer[];
  /** Counts the transitions this room has made. */
  seq: number;
  /** The time of the last transition. */
  at: number;
}

export type HostInput =
  /** A player's event; validated against the version's player events; the host sets `senderId`. */
  | {
      type: 'player';
      playerId: string;
      event: { type: string; [field: string]: unknown };
      /**
       * For an event the version lists in `messageRefs`: the stored message it names, as the
       * adapter found it (null or absent: none). The machine receives it as `event.message`.
       */
      message?: ReferencedMessage | null;
      /**
       * For an event the version lists in `senderTags`: the sender's opaque tag as the adapter
       * derived it (absent: none). The machine receives it as `event.senderTag` (null when absent).
       */
      tag?: string;
    }
  /** An admin's event; validated against the version's admin events. */
  | { type: 'admin'; event: { type: string; [field: string]: unknown } }
  /** Nothing but time: deliver what is due (an alarm, a clock moved forward). */
  | { type: 'time' }
  /** A developer tool: make one timer due now, then deliver what is due. */
  | { type: 'fire'; actorPath: string; timerId: string }
  /** An event exactly as given, for tests of a machine's own checks. No adapter of users' input sends this. */
  | { type: 'unchecked'; event: RoomEvent };

export interface EmittedEffect {
  /** The emitting actor's path (`root`, `root/vote`), or `?/<id>` for one never seen in a snapshot. */
  actorPath: string;
  effect: RoomEffect;
}

export type TransitionCause =
  | { type: 'start' }
  /** An upgrade moved the room to this version (engine/migration.ts). */
  | { type: 'upgrade'; from: MachineRef }
  | { type: 'event'; event: RoomEvent }
  | { type: 'timer'; timer: PortableTimer };

/** One persisted transition: a change of snapshot or timers, or effects to carry out. */
export interface Transition {
  seq: number;
  at: number;
  cause: TransitionCause;
  /** Journal facts and messages, in emission order (refusals are in {@link StepResult.refusals}). */
  effects: EmittedEffect[];
  /** Stately-shaped inspection events of this transition, when the host was asked to keep them. */
  inspection: StatelyInspectionEvent[];
}

/** A player's view after a step that changed it. */
export interface ViewChange {
  view: unknown;
  /** `view` serialised (once, when first read): an adapter sends it as it is rather than serialising it again. */
  json?: string;
  /**
   * The length of this player's view the last time it was serialised whole (absent: never since
   * the host started): a patch well under it is smaller than the whole view, without serialising it.
   */
  wholeBytes?: number;
  /**
   * The change as RFC 6902 operations against the view the player held before, which was current
   * since transition `since`. Absent when the host does not know that view (the first view, or the
   * first change after a restore): then only the whole view will do.
   */
  patch?: { since: number; ops: Operation[] };
}

export interface Refusal {
  to: string;
  code: string;
  message: string;
}

export interface StepResult {
  /** What became of the input: it reached the machine, it was rejected before, or there was none. */
  input: { status: 'applied' } | { status: 'rejected'; error: HostError } | { status: 'none' };
  /** Persisted transitions, in order: timers due before the input, the input, zero-delay timers after. */
  transitions: Transition[];
  /** The machine's refusals (nothing changed for those); each is for its `to` alone. */
  refusals: Refusal[];
  /** Every effect of the step, refusals too, in emission order (for tests and the workbench). */
  emitted: EmittedEffect[];
  /** The state to persist. Unchanged (same object as before) when `transitions` is empty. */
  state: StoredState;
  /** False when the snapshot string is the one stored before (a message-only or timer-only step). */
  snapshotChanged: boolean;
  /** Timer rows to write: a rescheduled timer is removed and added. */
  timers: { added: DurableTimer[]; removed: DurableTimer[] };
  /** Players whose own view changed, with the new view and the patch from the one before. Everyone else must be told nothing. */
  views: Map<string, ViewChange>;
  /** A due timer that could not be delivered; it stays due and is tried again on the next input. */
  failure: { timer: PortableTimer; error: HostError } | null;
}

/**
 * One persisted snapshot as the host holds it: the object XState persisted and its JSON, each made
 * from the other when first asked for, once. Steps whose snapshot writes the same JSON share one
 * cell, so "did the snapshot change" is a comparison of cells.
 */
class SnapshotCell {
  private json: string | undefined;
  private object: unknown;
  private parsed: boolean;

  private constructor(json: string | undefined, object: unknown, parsed: boolean) {
    this.json = json;
    this.object = object;
    this.parsed = parsed;
  }

  /** A snapshot stored as JSON (a restore, or the empty one before a game starts). */
  static ofJson(json: string): SnapshotCell {
    return new SnapshotCell(json, undefined, false);
  }

  /** A snapshot the actor just persisted. It shares structure with the live context, which XState replaces rather than mutates. */
  static ofObject(object: unknown): SnapshotCell {
    return new SnapshotCell(undefined, object, true);
  }

  get text(): string {
    return (this.json ??= JSON.stringify(this.object));
  }

  /** The no-snapshot-yet of a game being created. */
  get empty(): boolean {
    return this.json === '';
  }

  /** The snapshot as an object (read-only). */
  get value(): unknown {
    if (!this.parsed) {
      this.object = JSON.parse(this.json!);
      this.parsed = true;
    }
    return this.object;
  }

  /** A stored state whose `snapshot` is this cell's JSON, written when first read. */
  stored(fields: Omit<StoredState, 'snapshot'>): StoredState {
    // An own, enumerable getter: a spread, JSON.stringify or structuredClone of the state reads it like a field.
    // A literal's getter is one (and cheaper to make than Object.defineProperty's, once per step).
    const cell = this;
    return {
      machine: fields.machine,
      timers: fields.timers,
      seq: fields.seq,
      at: fields.at,
      get snapshot() {
        return cell.text;
      },
    };
  }
}

/** A player's last view as the host compared it (see GameHost.viewCache). */
interface HeldView {
  /** The view object (read-only: it shares its parts with snapshots and other views). */
  view: unknown;
  since: number | null;
  /** The length of this player's view the last time it was serialised whole, if it was. */
  wholeBytes?: number;
}

/** A changed view; serialised whole only when an adapter asks (most go out as patches). */
class ChangedView implements ViewChange {
  readonly view: unknown;
  readonly patch?: { since: number; ops: Operation[] };
  private text: string | undefined;
  private readonly held: HeldView;

  constructor(held: HeldView, patch: { since: number; ops: Operation[] } | undefined) {
    this.view = held.view;
    this.held = held;
    if (patch) this.patch = patch;
  }

  get wholeBytes(): number | undefined {
    return this.held.wholeBytes;
  }

  get json(): string {
    if (this.text === undefined) {
      this.text = JSON.stringify(this.view);
      this.held.wholeBytes = this.text.length;
    }
    return this.text;
  }
}

/** What one step gathers across its transitions. */
interface Accumulator {
  transitions: Transition[];
  refusals: Refusal[];
  emitted: EmittedEffect[];
}

const newAccumulator = (): Accumulator => ({ transitions: [], refusals: [], emitted: [] });

/** An inert clock: XState schedules on it and it never fires; the host owns time. */
const INERT_CLOCK = { setTimeout: () => 0, clearTimeout: () => {} };

/** A bound on deliveries in one step: a chart that keeps re-arming zero delays must not hang its room. */
export const MAX_DELIVERIES_PER_STEP = 1_000;

/** Ids for delayed events scheduled without one (XState would draw a random id: not replayable). */
const anonymousTimerId = (seq: number, index: number) => `xstate.delayed.${seq}.${index}`;

export class GameHost<TInit = unknown> {
  readonly version: MachineVersion<TInit>;
  readonly init: TInit;
  readonly facts: RoomFacts;
  private readonly clock: HostClock;
  private inspect: boolean;
  private readonly tellViews: boolean;

  private actor!: AnyActorRef;
  private recorder!: StepRecorder;
  private paths!: ActorPaths;
  private timers: TimerTable;
  private stored: StoredState;
  /** `stored`'s snapshot, as an object and as JSON. */
  private cell: SnapshotCell;
  /**
   * Every live actor's snapshot object when `cell` was last persisted, by path. XState makes a new
   * snapshot object whenever an actor's state or context changes, so when every actor of the tree
   * still holds the very object it held then, the persisted snapshot is the same and persisting
   * it again (a share of every step that only sends a message) can be skipped.
   */
  private serialisedFrom: Map<string, { ref: AnyActorRef; snapshot: unknown }> | undefined;
  /**
   * Each player's last view and the transition since which it holds; `since` is null for a view read
   * after a restore (when it began is unknown). A new view is a change when it writes other JSON
   * (engine/json-equal.ts), and its patch compares only the fields that do (engine/view-patch.ts).
   */
  private viewCache: Map<string, HeldView> | undefined;
  private readonly playerIds: readonly string[];

  private constructor(version: MachineVersion<TInit>, init: TInit, facts: RoomFacts, options: HostOptions, stored: StoredState) {
    this.version = version;
    this.init = init;
    this.facts = facts;
    this.clock = options.clock;
    this.inspect = options.inspect ?? false;
    this.tellViews = options.views ?? true;
    this.stored = stored;
    this.cell = SnapshotCell.ofJson(stored.snapshot);
    this.timers = new TimerTable(stored.timers);
    this.playerIds = version.players(init).map((p) => p.playerId);
  }

  /**
   * Starts a new game from its init payload (without `machine`): validates it with the version's
   * schema, starts the root actor, and returns the host with the result of the first transition
   * (the initial state's entry actions, and any zero-delay timers they set).
   */
  static create<TInit>(
    version: MachineVersion<TInit>,
    payload: unknown,
    facts: RoomFacts,
    options: HostOptions,
  ): { host: GameHost<TInit>; result: StepResult } {
    const parsed = version.initSchema.safeParse(payload);
    if (!parsed.success) {
      throw new HostError('INVALID_INIT', 'the init payload does not fit the machine version', { issues: issuesOf(parsed.error) });
    }
    // What the schema cannot know: checks against the room's facts (a start too far after creation).
    const late = version.checkInit?.(parsed.data, facts) ?? [];
    if (late.length > 0) {
      throw new HostError('INVALID_INIT', 'the init payload does not fit the machine version', { issues: issuesOf({ issues: late }) });
    }
    const at = options.clock.now();
    const empty: StoredState = { machine: refOf(version), snapshot: '', timers: [], seq: 0, at };
    const host = new GameHost(version, parsed.data, facts, options, empty);
    const before = host.mark();
    const started = host.boot({ input: version.createInput(parsed.data, facts) });
    if (started) throw new HostError('MACHINE_FAILED', `the machine could not start: ${started}`);
    const acc = newAccumulator();
    host.settle({ type: 'start' }, at, host.recorder.take(), new TimerTable(), acc, true);
    const failure = host.deliverDue(host.clock.now(), acc);
    return { host, result: host.result(before, { status: 'none' }, acc, failure) };
  }

  /**
   * Resumes from a stored state. Never guesses: a stored state that does not fit the version
   * throws a {@link RestoreError} naming the problem, and changes nothing.
   */
  static restore<TInit>(
    version: MachineVersion<TInit>,
    stored: StoredState,
    payload: unknown,
    facts: RoomFacts,
    options: HostOptions,
  ): GameHost<TInit> {
    const init = version.initSchema.safeParse(payload);
    if (!init.success) {
      throw new RestoreError({
        code: 'INIT_INVALID',
        message: `the stored init no longer fits ${refOf(version)}: ${issuesOf(init.error)
          .map((i) => `${i.path} ${i.message}`)
          .join('; ')}`,
      });
    }
    let snapshot: unknown;
    try {
      snapshot = JSON.parse(stored.snapshot);
    } catch {
      throw new RestoreError({ code: 'SNAPSHOT_INVALID', message: 'the stored snapshot is not valid JSON' });
    }
    const problem = snapshotProblem(version.machine, snapshot);
    if (problem) throw new RestoreError({ code: 'SNAPSHOT_INVALID', message: problem });
    const host = new GameHost(version, init.data, facts, options, { ...stored, machine: refOf(version) });
    const failed = host.boot({ snapshot });
    if (failed) throw new RestoreError({ code: 'SNAPSHOT_INVALID', message: failed });
    // Restoring is not a transition: nothing it reports is an effect or a record.
    host.recorder.take();
    const dead = deadTimers(host.actor, stored.timers);
    if (dead.length > 0) throw new RestoreError({ code: 'TIMERS_INVALID', message: dead.join('; ') });
    return host;
  }

  get ref(): MachineRef {
    return refOf(this.version);
  }

  /**
   * Whether steps keep Stately-shaped inspection events (the `inspect` option), changeable between
   * steps: a room keeps them only while an inspector listens, since converting every snapshot for
   * nobody cost a share of every action. It changes nothing else a step does.
   */
  get inspecting(): boolean {
    return this.inspect;
  }

  set inspecting(on: boolean) {
    this.inspect = on;
    this.recorder.keepInspection = on;
  }

  get seq(): number {
    return this.stored.seq;
  }

  get state(): StoredState {
    return this.stored;
  }

  get status(): 'running' | 'finished' {
    return this.actor.getSnapshot().status === 'active' ? 'running' : 'finished';
  }

  /**
   * The persisted snapshot as an object (treat as read-only): after a transition, the very object
   * XState persisted; after a restore, the stored string parsed once.
   */
  get snapshot(): unknown {
    return this.cell.value;
  }

  /** The durable timers as views show them, earliest first (a copy; its items are frozen). */
  get timerViews(): TimerView[] {
    return [...this.timers.views()];
  }

  /** Active `after` states without their timer (keys as the timer table's): states that would wait forever. */
  waitingStates(): Map<string, { actorPath: string; timerId: string }> {
    return waitingStates(this.actor, this.timers.stored());
  }

  players(): { playerId: string; name: string }[] {
    return this.version.players(this.init);
  }

  /** The host's dashboard summary of the current state; null when the version offers none. */
  hostView(): HostSummary | null {
    return this.version.hostView?.({ snapshot: this.snapshot, init: this.init, timers: this.timers.views() }) ?? null;
  }

  /** A player's own view of the current state. */
  view(playerId: string): unknown {
    return this.version.project({ snapshot: this.snapshot, init: this.init, playerId, timers: this.timers.views() });
  }

  /** Takes one input; see the file header for what happens, in what order. */
  step(input: HostInput): StepResult {
    const before = this.mark();
    const acc = newAccumulator();
    const now = this.clock.now();
    let failure = this.deliverDue(now, acc);
    const done = (status: StepResult['input']) => this.result(before, status, acc, failure);

    if (input.type === 'time') return done({ status: 'none' });
    if (input.type === 'fire') {
      const timer = this.timers.get(input.actorPath, input.timerId);
      if (!timer)
        return done({ status: 'rejected', error: new HostError('NOT_FOUND', `no timer "${input.timerId}" of ${input.actorPath}`) });
      if (failure) return done({ status: 'rejected', error: failure.error });
      this.timers.schedule({ ...timer, dueAt: Math.max(this.stored.at, Math.min(timer.dueAt, now)) });
      failure = this.deliverDue(now, acc);
      return done({ status: 'applied' });
    }

    const event = this.admit(input);
    if (event instanceof HostError) return done({ status: 'rejected', error: event });
    if (failure) return done({ status: 'rejected', error: failure.error });
    if (this.status !== 'running')
      return done({ status: 'rejected', error: new HostError('GAME_OVER', 'the game is over; the room is read-only') });
    const error = this.transition({ type: 'event', event }, Math.max(now, this.stored.at), acc);
    if (error) return done({ status: 'rejected', error });
    failure = this.deliverDue(now, acc);
    return done({ status: 'applied' });
  }

  /** Validates an input against the version: own event types only, payload by schema, sender set here. */
  private admit(input: Exclude<HostInput, { type: 'time' } | { type: 'fire' }>): RoomEvent | HostError {
    if (input.type === 'unchecked') return input.event;
    const { type, ...payload } = input.event;
    const events = input.type === 'player' ? this.version.playerEvents : this.version.adminEvents;
    const who = input.type === 'player' ? 'player' : 'admin';
    // Own properties only: `constructor` or `__proto__` must not find Object.prototype's.
    const schema = typeof type === 'string' && Object.hasOwn(events, type) ? events[type] : undefined;
    if (!schema) {
      return new HostError('INVALID_EVENT', `"${String(type)}" is not ${who === 'admin' ? 'an admin' : 'a player'} event of ${this.ref}`, {
        accepted: Object.keys(events),
      });
    }
    if (input.type === 'player' && !this.playerIds.includes(input.playerId)) {
      return new HostError('INVALID_EVENT', `"${input.playerId}" is not a player of this game`);
    }
    // The host sets the sender; a `senderId` in the payload is not the client's to choose.
    delete (payload as Record<string, unknown>).senderId;
    const checked = schema.safeParse(payload);
    if (!checked.success) {
      const issues = issuesOf(checked.error);
      return new HostError('INVALID_EVENT', `${type}: ${issues[0]?.path || 'payload'} ${issues[0]?.message ?? 'is malformed'}`, { issues });
    }
    const event: RoomEvent = { ...(checked.data as object), type, senderId: input.type === 'player' ? input.playerId : ADMIN_SENDER };
    // Set after the schema (which strips unknown fields): only the adapter says what a seq names.
    if (input.type === 'player' && this.version.messageRefs && Object.hasOwn(this.version.messageRefs, type)) {
      event.message = input.message ?? null;
    }
    // Likewise: the tag is the adapter's to set, from the sender it authenticated.
    if (input.type === 'player' && this.version.senderTags?.includes(type)) {
      event.senderTag = input.tag ?? null;
    }
    return event;
  }

  /** Delivers every timer due at `now`, earliest first; returns the failure that stopped it, if any. */
  private deliverDue(now: number, acc: Accumulator): StepResult['failure'] {
    for (let i = 0; i < MAX_DELIVERIES_PER_STEP; i++) {
      const timer = this.timers.firstDue(now);
      if (!timer) return null;
      const error = this.transition({ type: 'timer', timer }, Math.max(timer.dueAt, this.stored.at), acc);
      if (error) {
        return {
          timer,
          error: new HostError(
            'TIMER_FAILED',
            `the timer "${timer.timerId}" of ${timer.actorPath}, due ${new Date(timer.dueAt).toISOString()}, could not be delivered: ${error.message}`,
            {
              timer: { actorPath: timer.actorPath, timerId: timer.timerId, dueAt: timer.dueAt },
            },
          ),
        };
      }
    }
    const next = this.timers.firstDue(now)!;
    return {
      timer: next,
      error: new HostError(
        'TIMER_FAILED',
        `more than ${MAX_DELIVERIES_PER_STEP} timers fell due in one step; the chart re-arms zero delays without end`,
      ),
    };
  }

  /** Runs one transition and records it; on a machine failure, rolls back and returns the error. */
  private transition(cause: Extract<TransitionCause, { type: 'event' | 'timer' }>, at: number, acc: Accumulator): HostError | null {
    const good = { stored: this.stored, cell: this.cell, timers: this.timers.clone() };
    let thrown: unknown;
    try {
      if (cause.type === 'timer') {
        // A fired timer leaves the table whether or not its target is still there to take it.
        this.timers.cancel(cause.timer.actorPath, cause.timer.timerId);
        actorAt(this.actor, cause.timer.targetPath)?.send(cause.timer.event);
      } else {
        this.actor.send(cause.event);
      }
    } catch (error) {
      thrown = error;
    }
    const snapshot = this.actor.getSnapshot() as { status: string; error?: unknown };
    if (thrown !== undefined || snapshot.status === 'error') {
      const why = thrown ?? snapshot.error;
      this.rollback(good);
      return new HostError('MACHINE_ERROR', `the machine failed and nothing changed: ${(why as Error)?.message ?? String(why)}`);
    }
    this.settle(cause, at, this.recorder.take(), good.timers, acc, false);
    return null;
  }

  /** Turns what a transition recorded into timers, effects and records, and keeps it when it changed anything. */
  private settle(
    cause: TransitionCause,
    at: number,
    recording: Recording,
    timersBefore: TimerTable,
    acc: Accumulator,
    always: boolean,
  ): void {
    const seq = this.stored.seq + 1;
    // One walk of the tree serves both: naming new actors and dropping the timers of gone ones.
    const live = this.paths.tree(this.actor);
    const pathOf = (ref: AnyActorRef) => this.paths.of(ref);
    recording.timerOps.forEach((op, index) => {
      const actorPath = pathOf(op.source);
      if (actorPath === undefined) return; // an actor gone before it was ever named: so are its timers
      if (op.op === 'cancel') {
        this.timers.cancel(actorPath, op.sendId);
        return;
      }
      const target = op.kind === 'xstate.raise' ? op.source : op.params.to;
      const targetPath = target && typeof target !== 'string' ? pathOf(target) : undefined;
      if (targetPath === undefined) return;
      this.timers.schedule({
        actorPath,
        timerId: op.params.id ?? anonymousTimerId(seq, index),
        targetPath,
        event: structuredClone(op.params.event) as PortableTimer['event'],
        dueAt: at + Math.max(0, op.params.delay),
      });
    });
    // A stopped actor's delayed events die with it (XState cancels them without a `cancel` action),
    // and a finished game has no time left.
    const finished = this.actor.getSnapshot().status !== 'active';
    this.timers.removeWhere((t) => finished || !live.has(t.actorPath) || !live.has(t.targetPath));

    const effects: EmittedEffect[] = [];
    for (const { actor, effect } of recording.effects) {
      const emitted = { actorPath: pathOf(actor) ?? `?/${actor.id}`, effect };
      acc.emitted.push(emitted);
      if (effect.type === 'room.refuse') acc.refusals.push({ to: effect.to, code: effect.code, message: effect.message });
      else effects.push(emitted);
    }
    const cell = this.persist(live);
    const diff = this.timers.diffFrom(timersBefore);
    const changed = cell !== this.cell || diff.added.length > 0 || diff.removed.length > 0;
    if (!always && !changed && effects.length === 0) return;
    this.cell = cell;
    this.stored = cell.stored({ machine: this.stored.machine, timers: this.timers.storedList(), seq, at });
    acc.transitions.push({
      seq,
      at,
      cause,
      effects,
      inspection: this.inspect
        ? recording.inspection.map((raw) => toStatelyEvent(raw, at, pathOf)).filter((e): e is StatelyInspectionEvent => e !== null)
        : [],
    });
  }

  /**
   * The persisted snapshot of the actor tree: the current cell when no actor's snapshot object
   * changed since it was made (see {@link serialisedFrom}) or when what XState persists now writes
   * the same JSON; otherwise a new cell, serialised only when read. Projections read its object
   * instead of parsing JSON (a tenth of a simulated game was that parse); it shares structure with
   * the live context, so version.project must treat it as the JSON it stands for (machine-version.ts).
   */
  private persist(live: Map<string, AnyActorRef>): SnapshotCell {
    const before = this.serialisedFrom;
    const started = !this.cell.empty;
    if (before && before.size === live.size && started) {
      let same = true;
      for (const [path, ref] of live) {
        const held = before.get(path);
        if (held?.ref !== ref || held.snapshot !== ref.getSnapshot()) {
          same = false;
          break;
        }
      }
      if (same) return this.cell;
    }
    const persisted = this.actor.getPersistedSnapshot();
    const from = new Map<string, { ref: AnyActorRef; snapshot: unknown }>();
    for (const [path, ref] of live) from.set(path, { ref, snapshot: ref.getSnapshot() });
    this.serialisedFrom = from;
    if (!started) return SnapshotCell.ofObject(persisted);
    // The root's context is where most steps change something: a difference there settles it
    // before the walk below goes through the state value and every child to reach it.
    const context = (persisted as { context?: unknown }).context;
    const lastContext = (this.cell.value as { context?: unknown }).context;
    if (context !== lastContext && !sameJson(context, lastContext)) return SnapshotCell.ofObject(persisted);
    // Most of a step's snapshot is the very objects of the last one: comparing walks what changed.
    if (sameJson(this.cell.value, persisted)) return this.cell;
    return SnapshotCell.ofObject(persisted);
  }

  /** Forgets a failed transition: a fresh actor from the last good state, as after a restore. */
  private rollback(good: { stored: StoredState; cell: SnapshotCell; timers: TimerTable }): void {
    this.stored = good.stored;
    this.cell = good.cell;
    this.timers = good.timers;
    const failed = this.boot({ snapshot: JSON.parse(good.cell.text) });
    if (failed) throw new Error(`the last good state no longer restores: ${failed}`);
    this.recorder.take();
  }

  /** Creates and starts the root actor; returns why it failed, or null. */
  private boot(from: { snapshot: unknown } | { input: unknown }): string | null {
    this.recorder = new StepRecorder(this.inspect);
    this.serialisedFrom = undefined;
    const actor = createActor(this.version.machine, {
      ...from,
      id: ROOT_ACTOR_ID,
      clock: INERT_CLOCK,
      inspect: this.recorder.inspect,
    } as never) as AnyActorRef;
    if (actor.getSnapshot().status === 'error') return 'the snapshot does not restore into this machine';
    // Without an error observer XState rethrows machine errors asynchronously; the host reads them from the snapshot.
    actor.subscribe({ error: () => {} });
    this.actor = actor;
    this.paths = new ActorPaths(actor);
    this.recorder.paths = this.paths;
    actor.start();
    if (actor.getSnapshot().status === 'error')
      return `the actor failed on start: ${String((actor.getSnapshot() as { error?: unknown }).error)}`;
    return null;
  }

  private mark() {
    return { stored: this.stored, cell: this.cell, timers: this.timers.clone() };
  }

  /**
   * Every player's view of the state a step began from, for the first step after a create or a
   * restore that changes anything: made then rather than on the first step, so a room that wakes,
   * delivers nothing and greets one player projects one view, not the whole cast.
   */
  private viewsBefore(before: { stored: StoredState; cell: SnapshotCell; timers: TimerTable }): Map<string, HeldView> {
    if (before.cell.empty) return new Map();
    const snapshot: unknown = before.cell.value;
    const timers = before.timers.views();
    return new Map(
      this.playerIds.map((playerId) => [
        playerId,
        { view: this.version.project({ snapshot, init: this.init, playerId, timers }), since: null },
      ]),
    );
  }

  private result(
    before: { stored: StoredState; cell: SnapshotCell; timers: TimerTable },
    input: StepResult['input'],
    acc: Accumulator,
    failure: StepResult['failure'],
  ): StepResult {
    const timers = this.timers.diffFrom(before.timers);
    const snapshotChanged = this.cell !== before.cell;
    const views = new Map<string, ViewChange>();
    if (this.tellViews && (snapshotChanged || timers.added.length > 0 || timers.removed.length > 0)) {
      const cache = (this.viewCache ??= this.viewsBefore(before));
      for (const playerId of this.playerIds) {
        const view = this.view(playerId);
        const held = cache.get(playerId);
        let patch: { since: number; ops: Operation[] } | undefined;
        if (held && held.since !== null) {
          // Diffed as the client holds them: as JSON, where an undefined field is no field at all.
          // No operation: the client's view is already this one.
          const ops = viewPatch(held.view, view);
          if (ops.length === 0) continue;
          patch = { since: held.since, ops };
        } else if (held && sameJson(held.view, view)) continue;
        const next: HeldView = { view, since: this.stored.seq };
        if (held?.wholeBytes !== undefined) next.wholeBytes = held.wholeBytes;
        cache.set(playerId, next);
        views.set(playerId, new ChangedView(next, patch));
      }
    }
    return { input, ...acc, state: this.stored, snapshotChanged, timers, views, failure };
  }
}
