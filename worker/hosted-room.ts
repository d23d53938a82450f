/**
 * The room's adapter of the one host (engine/host.ts) to its SQLite: it restores the host from the
 * stored state on every wake, hands it one input at a time, and applies each result in one
 * transaction — the envelope (only when the snapshot changed), the input log's row (input-log.ts:
 * the input, seq and time, and now and then a checkpoint), the changed timer rows, chat messages,
 * journal facts, a finished game's wallet payout and the action's remembered outcome. Only then
 * does the caller acknowledge and broadcast. It knows nothing of HTTP, sockets or Durable Objects
 * beyond {@link RoomStorage}; the GameServer adapts it to the platform.
 */
import { GameHost, type HostClock, type HostInput, type StepResult, type StoredState, type ViewChange } from '../engine/host';
import { HostError, RestoreError, type RestoreProblem } from '../engine/host-error';
import { initHash } from '../engine/init-hash';
import { migrate } from '../engine/migration';
import {
  refOf,
  type HostSummary,
  type MachineRef,
  type MachineVersion,
  type RoomFacts,
  type TimerView,
  type WalletPayout,
} from '../machines/machine-version';
import type { MachineRegistry } from '../machines/registry';
import { USER_ID_PATTERN } from '../machines/wallet';
import { ActionRefs, type RememberedOutcome } from './action-refs';
import { EnvelopeStore, type RoomRecord } from './envelope';
import { historyEntryOf, inputHistory } from '../engine/input-history';
import type { HistoryEntry, InputHistory } from '../protocol';
import { CHECKPOINT_EVERY, InputLog } from './input-log';
import { inspectionHistory, recordsOf, type StoredRecord } from './inspection-log';
import { JOURNAL_FLUSH_DELAY_MS, JOURNAL_FLUSH_TASK, JournalOutbox, type JournalFact, type JournalSink } from './journal/outbox';
import type { ChatMessage, MessageReactions } from '../protocol';
import { MessageLog } from './message-log';
import { PUSH_SEND_TASK, PushOutbox, type QueuedPush } from './push/outbox';
import { RoomError } from './room-error';
import { RoomSecret } from './room-secret';
import type { RoomStorage } from './room-storage';
import type { Scheduler } from './scheduler';
import { WALLET_CREDIT_TASK, WalletOutbox, type WalletSink } from './wallet/outbox';
import { MACHINE_TIMER_TASK, holdBehind, storedTimers, timerTaskId, writeTimers, type MachineTimerPayload } from './timer-tasks';

export type RoomStatus = 'uninitialised' | 'running' | 'finished' | 'restore_failed';
export type { RestoreProblem } from '../engine/host-error';

/** A fact the room itself records (not one the machine emitted). */
export interface RoomFact {
  kind: string;
  data: Record<string, unknown>;
}

/** What one input did, after it was persisted: for the caller to answer and broadcast. */
export interface RoomOutcome {
  /** The host's result; null when the room could not take the input at all. */
  result: StepResult | null;
  /** Messages appended by this input, with their seqs. */
  messages: ChatMessage[];
  /** Reactions this input toggled: each message's reactions after it, with who may read them. */
  reactions?: (MessageReactions & { members: string[] | null })[];
  /** Inspection records of the persisted transitions. */
  records: StoredRecord[];
}

export interface HostedRoomOptions {
  storage: RoomStorage;
  scheduler: Scheduler;
  registry: MachineRegistry;
  now: () => number;
  /** The VAPID public key when the room can send Web Push; undefined: nothing is queued (fail closed). */
  pushKey?: () => string | undefined;
  /** A player asked for push the room cannot send (no key): the platform's adapter logs why, once. */
  pushRefused?: () => void;
}

const EMPTY: RoomOutcome = { result: null, messages: [], records: [] };

/** A host error as the room's protocol names it. */
export function roomErrorOf(error: HostError): RoomError {
  return new RoomError(error.code, error.message, error.details);
}

export class HostedRoom {
  private readonly envelopes: EnvelopeStore;
  private readonly outbox: JournalOutbox;
  private readonly refs: ActionRefs;
  readonly push: PushOutbox;
  private readonly wallets: WalletOutbox;
  /** Whether the game's payout is enqueued (read from storage once per wake; see walletPayouts). */
  private paidOut: boolean | undefined;
  private readonly pushKeyOf: () => string | undefined;
  private readonly pushRefusedHook: () => void;
  readonly messages: MessageLog;
  private readonly log: InputLog;
  private readonly secret: RoomSecret;
  /** Each player's opaque tag (room-secret.ts), derived once per wake: the host's steps are synchronous, HMAC is not. */
  private tags = new Map<string, string>();
  /** The host whose players {@link tags} were derived for (a new host after a restore or an upgrade needs them again). */
  private tagsHost: GameHost | undefined;
  private readonly registry: MachineRegistry;
  private readonly scheduler: Scheduler;
  private readonly storage: RoomStorage;
  private readonly now: () => number;

  room: RoomRecord | undefined;
  host: GameHost | undefined;
  problem: RestoreProblem | undefined;
  /** The stored state as last read or written (also when the host could not restore it). */
  private stored: StoredState | undefined;
  /** `stored`'s snapshot as the host made it (read-only), kept so the next step's notices need not parse it. */
  private storedObject: { state: StoredState; value: unknown } | undefined;
  /** Task ids of timer rows written before ids were derived from the timer (see timer-tasks.ts). */
  private legacyTaskIds = new Map<string, string>();
  /** Whether hosts keep inspection records (only while an inspector listens; see GameHost.inspecting). */
  private inspect = false;
  /**
   * The hosts' clock: the room's, held still while a step runs, so that the time an input is
   * recorded at is the time the host ran it at (a replay gives it at that time).
   */
  private pinned: number | undefined;
  private readonly clock: HostClock = { now: () => this.pinned ?? this.now() };
  /** What decides the next checkpoint. */
  private lastCheckpointSeq = 0;
  private lastValue: string | undefined;
  /** What persisting has cost since this instance woke (for the benchmarks and `/status`). */
  readonly writes = { transitions: 0, bytes: 0, lastTransitionBytes: 0 };

  constructor(options: HostedRoomOptions) {
    this.storage = options.storage;
    this.scheduler = options.scheduler;
    this.registry = options.registry;
    this.now = options.now;
    this.envelopes = new EnvelopeStore(this.storage);
    this.outbox = new JournalOutbox(this.storage);
    this.refs = new ActionRefs(this.storage);
    this.push = new PushOutbox(this.storage);
    this.wallets = new WalletOutbox(this.storage);
    this.pushKeyOf = options.pushKey ?? (() => undefined);
    this.pushRefusedHook = options.pushRefused ?? (() => {});
    this.messages = new MessageLog(this.storage);
    this.log = new InputLog(this.storage);
    this.secret = new RoomSecret(this.storage);
  }

  /**
   * Derives the players' tags from the room's secret (making the secret first for a room created
   * before it existed). Called at init, after an upgrade, and before the first player frame a woken
   * room handles ({@link tagsPending}), not on the wake itself: a greeting needs no tag, and a cold
   * room's first view then waits for no HMAC. A version without `senderTags` needs none.
   */
  async prepareTags(): Promise<void> {
    const host = this.host;
    const players = this.players();
    if (!this.room || players.length === 0 || !host?.version.senderTags?.length) return;
    this.tags = await this.secret.tagsOf(players.map((p) => p.playerId));
    this.tagsHost = host;
  }

  /**
   * Whether the running version tags some player events and this host's tags are not derived yet:
   * the room then awaits {@link prepareTags} before handing a player's frame to the host.
   */
  get tagsPending(): boolean {
    return this.host !== undefined && this.tagsHost !== this.host && (this.host.version.senderTags?.length ?? 0) > 0;
  }

  /**
   * Restores the host from storage. Never writes and never throws: a problem leaves the room
   * refusing game events with {@link problem} set, and the stored state untouched for an admin to
   * inspect or upgrade.
   */
  restore(): RoomStatus {
    this.host = undefined;
    this.problem = undefined;
    this.paidOut = undefined;
    // After a failed transaction too: what the scheduler remembers may be what was rolled back.
    this.scheduler.forget();
    this.room = this.envelopes.readRoom();
    const envelope = this.envelopes.read();
    const { timers, tasks } = storedTimers(this.scheduler);
    this.legacyTaskIds = new Map(tasks.filter((t) => t.id !== timerTaskId(t.payload)).map((t) => [timerTaskId(t.payload), t.id]));
    // A message-only transition writes no head row: its seq and time are the input log's.
    const head = this.log.head();
    const logAhead = envelope && head && head.seq > envelope.seq;
    this.stored = envelope && {
      machine: envelope.machine,
      snapshot: envelope.snapshot,
      timers,
      seq: logAhead ? head.seq : envelope.seq,
      at: logAhead ? head.at : envelope.updatedAt,
    };
    this.lastCheckpointSeq = this.log.lastCheckpointSeq() ?? 0;
    this.lastValue = undefined;
    if (!this.room) return 'uninitialised';
    if (!this.stored) return this.fail({ code: 'ENVELOPE_MISSING', message: 'the room was initialised but holds no game state' });
    const version = this.registry.get(this.stored.machine);
    if (!version) {
      return this.fail({ code: 'UNKNOWN_MACHINE_VERSION', message: `machine ${this.stored.machine} is not registered in this build` });
    }
    try {
      this.host = GameHost.restore(version, this.stored, payloadOf(this.room.init), this.facts, {
        clock: this.clock,
        inspect: this.inspect,
      });
    } catch (error) {
      if (error instanceof RestoreError) return this.fail(error.problem);
      return this.fail({ code: 'SNAPSHOT_INVALID', message: (error as Error).message });
    }
    return this.status;
  }

  get status(): RoomStatus {
    if (this.problem) return 'restore_failed';
    if (!this.room) return 'uninitialised';
    return this.host?.status ?? 'restore_failed';
  }

  get version(): MachineVersion | undefined {
    return this.host?.version;
  }

  get machineRef(): MachineRef | undefined {
    return this.stored?.machine;
  }

  get seq(): number {
    return this.stored?.seq ?? 0;
  }

  /** The persisted snapshot, parsed (read-only); from storage when the host could not restore it. */
  get snapshot(): unknown {
    if (this.host) return this.host.snapshot;
    try {
      return this.stored ? JSON.parse(this.stored.snapshot) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The size of what a state-changing transition rewrites: the snapshot plus the timer rows. */
  get envelopeBytes(): number {
    if (!this.stored) return 0;
    const encoder = new TextEncoder();
    return encoder.encode(this.stored.snapshot).byteLength + encoder.encode(JSON.stringify(this.stored.timers)).byteLength;
  }

  get timerViews(): TimerView[] {
    if (this.host) return this.host.timerViews;
    return (this.stored?.timers ?? []).map(({ actorPath, timerId, event, dueAt }) => ({ actorPath, timerId, event: event.type, dueAt }));
  }

  /** Who plays, by the version's own reading of the init; empty when the version cannot run. */
  players(): { playerId: string; name: string; userId?: string }[] {
    return this.host?.players() ?? [];
  }

  /** A player's own view; undefined unless the room runs. */
  view(playerId: string): unknown {
    return this.host?.view(playerId);
  }

  /** The version's dashboard summary; null when the room cannot run or the version has none. */
  hostSummary(): HostSummary | null {
    return this.host?.hostView() ?? null;
  }

  /** Whether an inspector socket was open at this entry point's start (see GameServer `catchUp`). */
  get inspecting(): boolean {
    return this.inspect;
  }

  /** Keep inspection records from now on (an inspector listens) or not; the past is rebuilt when asked for. */
  set inspecting(on: boolean) {
    this.inspect = on;
    if (this.host) this.host.inspecting = on;
  }

  /** The VAPID public key players subscribe with; undefined when this server sends no push. */
  get pushKey(): string | undefined {
    return this.pushKeyOf();
  }

  /** A player's subscription was refused for want of a key (see HostedRoomOptions.pushRefused). */
  pushRefused(): void {
    this.pushRefusedHook();
  }

  get journalPending(): number {
    return this.outbox.pending();
  }

  /** Wallet credits of the finished game not yet sent to D1. */
  get walletPending(): number {
    return this.wallets.pending();
  }

  /** Sends the game's pending wallet credits; throws when the sink fails (the caller retries later). */
  creditWallets(sink: WalletSink): Promise<number> {
    return this.wallets.flush(sink, this.now());
  }

  /** Sends pending journal facts; throws when the sink fails (the caller retries later). */
  flushJournal(sink: JournalSink): Promise<number> {
    return this.outbox.flush(sink);
  }

  /** The remembered outcome of a player's earlier action with this ref (exactly-once actions). */
  rememberedOutcome(playerId: string, ref: string): RememberedOutcome | undefined {
    return this.refs.outcomeOf(playerId, ref, this.now());
  }

  /**
   * The lobby's handoff. `created` on the first valid init; `unchanged` when the same payload
   * comes again; `ROOM_EXISTS` when a different one does.
   */
  async initialise(payload: RoomRecord['init'], roomId: string): Promise<{ created: boolean; outcome: RoomOutcome }> {
    const hash = await initHash(payload);
    if (this.room) {
      if (this.room.initHash === hash) return { created: false, outcome: EMPTY };
      throw new RoomError('ROOM_EXISTS', 'this room was already initialised with a different payload');
    }
    const version = this.registry.get(payload.machine);
    if (!version) {
      throw new RoomError('UNKNOWN_MACHINE', `machine "${payload.machine}" is not registered`, { known: this.registry.list().map(refOf) });
    }
    const now = this.now();
    const room: RoomRecord = { roomId, createdWith: refOf(version), init: payload, initHash: hash, createdAt: now, seed: roomId };
    let created: { host: GameHost; result: StepResult };
    // The game starts at the room's creation time exactly, so that a replay from the facts starts where it did.
    this.pinned = now;
    try {
      created = GameHost.create(version, payloadOf(payload), factsOf(room), { clock: this.clock, inspect: this.inspect });
    } catch (error) {
      if (error instanceof HostError) throw roomErrorOf(error);
      throw error;
    } finally {
      this.pinned = undefined;
    }
    // Set first so the facts name the room; a failed write restores from storage, which unsets it.
    this.room = room;
    const outcome = this.apply(created.result, [{ kind: 'room.created', data: { machine: room.createdWith } }], {
      host: created.host,
      before: () => {
        this.envelopes.writeRoom(room);
        this.secret.ensure();
      },
      force: true,
      log: { kind: 'start', at: now },
    });
    this.host = created.host;
    this.problem = undefined;
    await this.prepareTags();
    return { created: true, outcome };
  }

  /**
   * One input through the host, persisted before this returns. Rejections come back in the
   * result (nothing was written for them, except a failed timer's retry bookkeeping).
   */
  input(input: HostInput, options: { facts?: RoomFact[]; ref?: { playerId: string; ref: string } } = {}): RoomOutcome {
    const host = this.requireHost();
    // The message a reply or reaction names is looked up here and recorded with the input, so a
    // replay sees what the machine saw.
    const given = this.withSenderTag(host, this.withReferencedMessage(host, input));
    const at = this.now();
    this.pinned = at;
    let result: StepResult;
    try {
      result = host.step(given);
    } finally {
      this.pinned = undefined;
    }
    const rejected = result.input.status === 'rejected';
    const answer = options.ref && !rejected ? outcomeFor(result, options.ref.playerId) : null;
    return this.apply(result, rejected ? [] : (options.facts ?? []), {
      host,
      remember: answer && options.ref ? { ...options.ref, outcome: answer } : undefined,
      log: { kind: 'input', at, entry: historyEntryOf(at, given, result, host.state === result.state ? host.snapshot : undefined) },
    });
  }

  /**
   * A player event that names a stored message (the version's `messageRefs`) gets the message the
   * room holds under that seq, so the machine can judge it without holding messages itself.
   */
  private withReferencedMessage(host: GameHost, input: HostInput): HostInput {
    if (input.type !== 'player') return input;
    const refs = host.version.messageRefs;
    const type = input.event.type;
    if (!refs || !Object.hasOwn(refs, type)) return input;
    const seq = input.event[refs[type]!];
    return { ...input, message: Number.isSafeInteger(seq) ? this.messages.find(seq as number) : null };
  }

  /** A player event of the version's `senderTags` gets its sender's tag; the host hands it to the machine. */
  private withSenderTag(host: GameHost, input: HostInput): HostInput {
    if (input.type !== 'player' || !host.version.senderTags?.includes(input.event.type)) return input;
    const tag = this.tags.get(input.playerId);
    return tag === undefined ? input : { ...input, tag };
  }

  /** Delivers every due timer (an alarm, or any entry point before its own input). */
  deliverDue(): RoomOutcome {
    if (this.host?.status !== 'running') return EMPTY;
    return this.input({ type: 'time' });
  }

  /** Makes a machine timer due now and delivers what is due (a developer tool; see `/timers/fire`). */
  fireNow(taskId: string): RoomOutcome {
    const task = this.scheduler.get<MachineTimerPayload>(taskId);
    if (!task || task.kind !== MACHINE_TIMER_TASK) throw new RoomError('NOT_FOUND', `no machine timer "${taskId}"`);
    return this.input({ type: 'fire', actorPath: task.payload.actorPath, timerId: task.payload.timerId });
  }

  /**
   * Moves the room to a newer registered version by that version's explicit, checked migration
   * (engine/migration.ts). Works on rooms whose restore failed too. Nothing changes when refused.
   */
  upgrade(to: string): { from: MachineRef; to: MachineRef; outcome: RoomOutcome } {
    if (!this.room) throw new RoomError('ROOM_NOT_FOUND', 'this room has not been initialised');
    // Time first, under the old version: an upgrade does not overtake it either. A timer that
    // cannot be delivered is carried over as due, for the new version to deliver.
    const before = this.host?.status === 'running' ? this.deliverDue() : EMPTY;
    if (!this.stored) throw new RoomError('RESTORE_FAILED', this.problem?.message ?? 'the room has no state');
    const target = this.registry.get(to);
    if (!target) throw new RoomError('UNKNOWN_MACHINE', `machine "${to}" is not registered`);
    const from = this.stored.machine;
    const payload = payloadOf(this.room.init);
    let migrated: ReturnType<typeof migrate>;
    try {
      migrated = migrate({
        from: this.registry.get(from),
        to: target,
        stored: this.stored,
        init: payload,
        facts: this.facts,
        options: { clock: this.clock, inspect: this.inspect },
      });
    } catch (error) {
      if (error instanceof HostError) throw roomErrorOf(error);
      throw error;
    }
    const previous = this.stored;
    // `migrate` hands the payload back as it was unless the target migrated it.
    const initChanged = migrated.init !== payload;
    const nextInit = { ...(migrated.init as object), machine: this.room.init.machine } as RoomRecord['init'];
    const upgradeResult: StepResult = {
      input: { status: 'applied' },
      transitions: [{ seq: migrated.state.seq, at: migrated.state.at, cause: { type: 'upgrade', from }, effects: [], inspection: [] }],
      refusals: [],
      emitted: [],
      state: migrated.state,
      snapshotChanged: true,
      timers: { added: [...migrated.state.timers], removed: [...previous.timers] },
      views: new Map(migrated.host.players().map(({ playerId }) => [playerId, { view: migrated.host.view(playerId) }])),
      failure: null,
    };
    const outcome = this.apply(upgradeResult, [{ kind: 'room.upgraded', data: { from, to: refOf(target) } }], {
      host: migrated.host,
      before: initChanged ? () => this.envelopes.writeInit(nextInit) : undefined,
      log: { kind: 'upgrade', at: migrated.state.at },
    });
    if (initChanged) this.room = { ...this.room, init: nextInit };
    this.host = migrated.host;
    this.problem = undefined;
    const after = this.deliverDue();
    return {
      from,
      to: refOf(target),
      outcome: merge(before, outcome, after),
    };
  }

  private get facts(): RoomFacts {
    return factsOf(this.room!);
  }

  /**
   * Applies a host result in one transaction. On failure the host, now ahead of storage, is
   * dropped and restored from what storage holds, so memory never holds what storage does not.
   */
  private apply(
    result: StepResult,
    roomFacts: RoomFact[],
    extra: {
      /** The host that took the step (its version and init decide the wallet payout). */
      host?: GameHost;
      before?: () => void;
      force?: boolean;
      remember?: { playerId: string; ref: string; outcome: RememberedOutcome };
      log?: { kind: 'start' | 'input' | 'upgrade'; at: number; entry?: HistoryEntry | null };
    } = {},
  ): RoomOutcome {
    const failedTimer = result.failure?.timer;
    // A machine refusal changes nothing but is part of the game's history (a draft may accept it).
    const changed =
      result.transitions.length > 0 || roomFacts.length > 0 || extra.force || extra.remember || failedTimer || extra.log?.entry;
    if (!changed) return { result, messages: [], records: [] };
    const now = this.now();
    const seq = result.state.seq;
    const messages: ChatMessage[] = [];
    const reactions: NonNullable<RoomOutcome['reactions']> = [];
    const records: StoredRecord[] = recordsOf(result.transitions);
    const entry = extra.log?.entry ?? null;
    const value = entry ? JSON.stringify(entry.after?.value) : undefined;
    const checkpoint =
      extra.log !== undefined &&
      result.transitions.length > 0 &&
      (extra.log.kind !== 'input' ||
        seq - this.lastCheckpointSeq >= CHECKPOINT_EVERY ||
        (value !== undefined && value !== this.currentValue()));
    let bytes = 0;
    const pushing = this.pushKey !== undefined && this.push.subscribers() > 0;
    const pushes: QueuedPush[] = pushing ? this.noticePushes(result, extra.host) : [];
    const payouts = this.walletPayouts(extra.host, result);
    try {
      this.storage.transaction(() => {
        extra.before?.();
        if (result.transitions.length > 0) {
          if (result.snapshotChanged || extra.force) {
            this.envelopes.write({ machine: result.state.machine, snapshot: result.state.snapshot, seq, updatedAt: result.state.at });
            bytes += result.state.snapshot.length;
          } else if (!(entry || extra.log?.kind === 'upgrade' || extra.log?.kind === 'start')) {
            // No log row will carry this seq (only a test's unchecked event gets here): the head must.
            this.envelopes.writeHead(seq, result.state.at);
          }
          bytes += writeTimers(this.scheduler, result.timers, this.legacyTaskIds);
        }
        // The step's log row. For a group chat post this row and the message are all that is
        // written: the row must stay (it is the input a replay gives again, and a draft may
        // decide otherwise), and it carries the seq, so no head row moves.
        if (extra.log && (entry || extra.log.kind !== 'input')) {
          // A room created before the log: its state as it was becomes the log's first checkpoint.
          if (this.log.empty && extra.log.kind !== 'start' && this.stored) {
            this.log.append({ kind: 'resume', seq: this.stored.seq, at: this.stored.at, entry: null, state: this.stored });
          }
          bytes += this.log.append({
            kind: extra.log.kind,
            seq,
            at: extra.log.kind === 'input' ? extra.log.at : result.state.at,
            entry,
            state: checkpoint ? result.state : null,
          });
        }
        // The room's own facts (an admin's action) come first, as their ids sort (`a…` before the
        // machine's `m…`): they caused what the machine journals. A room fact may belong to no
        // transition (an action the machine refused), hence the uuid.
        const facts: JournalFact[] = roomFacts.map((fact, i) =>
          this.fact(`${seq}:a${i}:${crypto.randomUUID()}`, seq, now, fact.kind, fact.data, result.state.machine),
        );
        for (const transition of result.transitions) {
          transition.effects.forEach(({ effect }, i) => {
            if (effect.type === 'room.message') {
              const { channel, members, from, text, replyTo, mentions, kind, to } = effect;
              const message = this.messages.append({
                channel,
                members,
                from,
                text,
                at: transition.at,
                replyTo,
                mentions,
                ...(kind ? { kind } : {}),
                ...(to ? { to } : {}),
              });
              messages.push(message);
              if (pushing && members) pushes.push(...this.dmPushes(message.seq, members, from));
              if (pushing && kind === 'whisper' && to) pushes.push(...this.dmPushes(message.seq, [to], from, 'whisper'));
            } else if (effect.type === 'room.reaction') {
              reactions.push({ ...this.messages.toggleReaction(effect.seq, effect.from, effect.emoji), members: effect.members });
            } else if (effect.type === 'room.journal') {
              facts.push(
                this.fact(
                  `${transition.seq}:m${String(i).padStart(4, '0')}`,
                  transition.seq,
                  transition.at,
                  effect.kind,
                  effect.data,
                  result.state.machine,
                ),
              );
            }
          });
        }
        bytes += messages.reduce((n, m) => n + m.text.length + m.channel.length + (m.members?.length ?? 0) * 8, 0);
        if (facts.length > 0) {
          bytes += JSON.stringify(facts).length;
          this.outbox.append(facts);
          // A flush already waiting (for its batch, or backing off after a D1 failure) keeps its
          // own time: these facts join its batch.
          this.scheduler.scheduleIfAbsent({
            id: JOURNAL_FLUSH_TASK,
            kind: JOURNAL_FLUSH_TASK,
            description: 'send journal facts to D1',
            payload: {},
            type: 'scheduled',
            time: now + JOURNAL_FLUSH_DELAY_MS,
          });
        }
        if (payouts.length > 0) {
          this.wallets.append(this.room?.roomId ?? '', result.state.machine, payouts, result.state.at);
          bytes += JSON.stringify(payouts).length;
          // Due now; a credit already waiting (backing off after a D1 failure) keeps its own time.
          this.scheduler.scheduleIfAbsent({
            id: WALLET_CREDIT_TASK,
            kind: WALLET_CREDIT_TASK,
            description: "credit the winners' wallets in D1",
            payload: {},
            type: 'scheduled',
            time: now,
          });
        }
        if (pushes.length > 0) {
          this.push.append(pushes);
          this.scheduler.scheduleIfAbsent({
            id: PUSH_SEND_TASK,
            kind: PUSH_SEND_TASK,
            description: 'send Web Push notifications',
            payload: {},
            type: 'scheduled',
            time: now,
          });
        }
        if (extra.remember) this.refs.remember(extra.remember.playerId, extra.remember.ref, extra.remember.outcome, now);
        if (failedTimer) {
          // The timer stays due (its payload keeps the due time); the alarm tries again after a backoff.
          const task =
            this.scheduler.get(timerTaskId(failedTimer)) ?? this.scheduler.get(this.legacyTaskIds.get(timerTaskId(failedTimer)) ?? '');
          if (task && task.time <= now) holdBehind(this.scheduler, this.scheduler.retryLater(task, now, result.failure!.error));
        }
      });
    } catch (error) {
      this.restore();
      if (error instanceof RoomError) throw error;
      throw new RoomError('PERSIST_FAILED', `the transition could not be saved and nothing changed: ${(error as Error).message}`);
    }
    this.stored = result.state;
    this.storedObject = extra.host?.state === result.state ? { state: result.state, value: extra.host.snapshot } : undefined;
    if (payouts.length > 0) this.paidOut = true;
    if (checkpoint) this.lastCheckpointSeq = seq;
    if (value !== undefined) this.lastValue = value;
    if (result.transitions.length > 0) {
      this.writes.transitions += result.transitions.length;
      this.writes.bytes += bytes;
      this.writes.lastTransitionBytes = bytes;
    }
    return { result, messages, records, ...(reactions.length > 0 ? { reactions } : {}) };
  }

  /** The root state value's JSON before this step (what tells a phase change). */
  private currentValue(): string | undefined {
    if (this.lastValue === undefined && this.stored) {
      try {
        this.lastValue = JSON.stringify((JSON.parse(this.stored.snapshot) as { value?: unknown }).value);
      } catch {
        return undefined;
      }
    }
    return this.lastValue;
  }

  /** The inspection history a late inspector gets (rebuilt from the input log; see inspection-log.ts). */
  inspectionHistory(): StoredRecord[] {
    if (!this.room) return [];
    return inspectionHistory({
      storage: this.storage,
      log: this.log,
      registry: this.registry,
      room: this.room,
      facts: this.facts,
      payload: payloadOf(this.room.init),
      seq: this.seq,
    });
  }

  /**
   * The game's input history for export (`GET …/history`). Refused when the log does not reach
   * back to the game's start (a room created before it): a history that cannot replay is worse than none.
   */
  inputHistory(): InputHistory {
    if (!this.room) throw new RoomError('ROOM_NOT_FOUND', 'this room has not been initialised');
    if (this.log.first()?.kind !== 'start') {
      throw new RoomError('HISTORY_INCOMPLETE', 'this room was created before it recorded its inputs; its history cannot be replayed');
    }
    return inputHistory({
      room: this.room.roomId,
      machine: this.room.createdWith,
      facts: this.facts,
      init: payloadOf(this.room.init),
      entries: this.log.entries(),
      upgradedAt: this.log.upgradedAt(),
    });
  }

  /**
   * The version's notices for this step (machine-version.ts `notices`, from the snapshot before and
   * after), one push per subscribed player they concern. Runs before `this.stored` moves on.
   */
  private noticePushes(result: StepResult, host: GameHost | undefined): QueuedPush[] {
    const version = this.registry.get(result.state.machine);
    if (!version?.notices || !result.snapshotChanged) return [];
    let before: unknown;
    try {
      before = this.stored ? this.snapshotObject(this.stored) : undefined;
    } catch {
      before = undefined;
    }
    const notices = version.notices(before, this.snapshotObject(result.state, host));
    if (notices.length === 0) return [];
    const subscribed = this.push.subscribedPlayers();
    return notices.flatMap((notice) =>
      (notice.to ?? subscribed).map((playerId) => ({
        key: notice.key,
        playerId,
        payload: { title: notice.title, body: notice.body, url: this.screenUrl(notice.screen) },
      })),
    );
  }

  /**
   * A stored state's snapshot as an object (read-only): the host's own when it is the host's
   * current state, or the one kept for the room's last stored state, without parsing the JSON
   * again (a wallet version asks after every changing step until it pays out); parsed otherwise.
   */
  private snapshotObject(state: StoredState, host?: GameHost): unknown {
    if (host?.state === state) return host.snapshot;
    if (this.storedObject?.state === state) return this.storedObject.value;
    return JSON.parse(state.snapshot);
  }

  /**
   * What this step pays into wallets: the version's `payouts` the first time they are non-empty
   * (then never again for this room; machine-version.ts), only for credits the wallets can take.
   */
  private walletPayouts(host: GameHost | undefined, result: StepResult): WalletPayout[] {
    const payouts = host?.version.payouts;
    if (!payouts || !result.snapshotChanged || !this.hasWallets(host)) return [];
    this.paidOut ??= this.wallets.enqueued;
    if (this.paidOut) return [];
    return payouts(this.snapshotObject(result.state, host), host.init).filter(
      (payout) => Number.isSafeInteger(payout.gold) && payout.gold > 0 && USER_ID_PATTERN.test(payout.userId),
    );
  }

  /**
   * Whether any player of this host's game has a wallet (a `userId` in the version's roster): only
   * they can be paid (machine-version.ts `payouts`), so a game without any never parses its
   * snapshot for payouts, which it did on every step that changed it. Read once per host.
   */
  private hasWallets(host: GameHost): boolean {
    let has = this.walletsOf.get(host);
    if (has === undefined) this.walletsOf.set(host, (has = host.version.players(host.init).some((p) => p.userId !== undefined)));
    return has;
  }

  private readonly walletsOf = new WeakMap<GameHost, boolean>();

  /** A DM goes to its other members only, naming the sender (whom they already know it is from), never the text. */
  private dmPushes(seq: number, members: readonly string[], from: string, kind: 'dm' | 'whisper' = 'dm'): QueuedPush[] {
    const name = this.players().find((p) => p.playerId === from)?.name ?? (from === 'admin' ? 'the host' : from);
    // A whisper's addressee is told who whispered (everyone in the chat sees that), never what.
    const [title, screen] = kind === 'whisper' ? ['New whisper', 'chat'] : ['New DM', 'dms'];
    return members
      .filter((id) => id !== from)
      .map((playerId) => ({ key: `${kind}:${seq}`, playerId, payload: { title, body: `From ${name}`, url: this.screenUrl(screen) } }));
  }

  private screenUrl(screen: string): string {
    return `/play?room=${encodeURIComponent(this.room?.roomId ?? '')}&screen=${encodeURIComponent(screen)}`;
  }

  private fact(id: string, seq: number, at: number, kind: string, data: Record<string, unknown>, machine: MachineRef): JournalFact {
    const roomId = this.room?.roomId ?? '';
    return { factId: `${roomId}:${id}`, roomId, machine, seq, kind, data, at };
  }

  private requireHost(): GameHost {
    if (!this.room) throw new RoomError('ROOM_NOT_FOUND', 'this room has not been initialised');
    if (this.problem || !this.host) {
      throw new RoomError(
        'RESTORE_FAILED',
        `the room cannot run: ${this.problem?.message ?? 'no state'}; an admin must upgrade or repair it`,
      );
    }
    return this.host;
  }

  private fail(problem: RestoreProblem): RoomStatus {
    this.host = undefined;
    this.problem = problem;
    return 'restore_failed';
  }
}

/** The init payload as the version reads it: everything but `machine`. */
export function payloadOf(init: RoomRecord['init']): unknown {
  const { machine: _machine, ...payload } = init;
  return payload;
}

function factsOf(room: RoomRecord): RoomFacts {
  return { roomId: room.roomId, createdAt: room.createdAt, seed: room.seed };
}

/** How an applied action is answered: the machine's refusal for its sender, or an ack. */
export function outcomeFor(result: StepResult, playerId: string): RememberedOutcome {
  const refusal = result.refusals.find((r) => r.to === playerId);
  return refusal ? { type: 'error', code: refusal.code, message: refusal.message } : { type: 'ack', seq: result.state.seq };
}

/** Several steps as one outcome (an upgrade's). A player's latest view goes whole: patches of different steps do not chain. */
function merge(...outcomes: RoomOutcome[]): RoomOutcome {
  const last = [...outcomes].reverse().find((o) => o.result);
  const views = new Map<string, ViewChange>();
  for (const o of outcomes) for (const [id, change] of o.result?.views ?? []) views.set(id, { view: change.view });
  return {
    result: last?.result ? { ...last.result, views } : null,
    messages: outcomes.flatMap((o) => o.messages),
    reactions: outcomes.flatMap((o) => o.reactions ?? []),
    records: outcomes.flatMap((o) => o.records),
  };
}
