/**
 * A room in a test: the one host (engine/host.ts) over a simulated clock, in memory. It is a thin
 * adapter, like the Durable Object room and the workbench: what a whole-game test plays is what
 * production runs. With `restoreEveryStep` it also throws the host away after every step and
 * resumes from the stored state, as a room evicted between any two inputs would.
 */
import { SimulatedClock } from 'xstate';
import type { MachineVersion, ReferencedMessage, RoomEffect, RoomFacts, TimerView } from '../../machines/machine-version';
import type { HistoryEntry, InputHistory } from '../../protocol';
import { GameHost, type EmittedEffect, type HostInput, type StepResult, type StoredState } from '../host';
import { historyEntryOf, inputHistory } from '../input-history';
import { simulatedTag } from '../simulated-tag';

export interface SimulatedRoomOptions {
  version: MachineVersion;
  /** The init payload (without `machine`); validated with the version's `initSchema`. */
  init: unknown;
  room?: Partial<RoomFacts>;
  /** A stored state to resume from instead of starting fresh. */
  restoreFrom?: StoredState;
  /** Resume from the stored state after every step (a restore between any two inputs). */
  restoreEveryStep?: boolean;
  /** Tell whose view changed after each step, as a room does (default true; see HostOptions.views). */
  views?: boolean;
  /**
   * Deep-freeze every persisted snapshot the host makes. It shares its objects with the live
   * context, so an implementation that changes a context in place instead of replacing it (as
   * XState's assign does) throws: the host's projections, its unchanged-snapshot check and its
   * rollback all rely on no one doing that (engine/host.ts SnapshotCell).
   */
  freezeSnapshots?: boolean;
}

export interface RecordedEffect extends EmittedEffect {
  at: number;
}

export class SimulatedRoom<TInit = any> {
  readonly version: MachineVersion<TInit>;
  readonly facts: RoomFacts;
  readonly clock = new SimulatedClock();
  /** Every effect of every step, refusals too, in order. */
  readonly effects: RecordedEffect[] = [];
  /** Every step's result, in order. */
  readonly results: StepResult[] = [];
  /** The inputs the host took, as a room records them for replay (see {@link history}). */
  readonly entries: HistoryEntry[] = [];
  /** The messages the room would have stored, seq 1 first: what an event's message reference finds. */
  readonly messages: ReferencedMessage[] = [];
  private host: GameHost<TInit>;
  private readonly payload: unknown;
  private readonly restoreEveryStep: boolean;
  private readonly views: boolean;
  private readonly freezeSnapshots: boolean;

  constructor(options: SimulatedRoomOptions) {
    this.version = options.version as MachineVersion<TInit>;
    this.payload = options.init;
    this.restoreEveryStep = options.restoreEveryStep ?? false;
    this.views = options.views ?? true;
    this.freezeSnapshots = options.freezeSnapshots ?? false;
    this.facts = { roomId: 'room-test', createdAt: 1_767_225_600_000, seed: 'seed-test', ...options.room };
    this.clock.set(options.restoreFrom?.at ?? this.facts.createdAt);
    if (options.restoreFrom) {
      this.host = this.resume(options.restoreFrom);
    } else {
      const { host, result } = GameHost.create(this.version, this.payload, this.facts, { clock: this.clock, views: this.views });
      this.host = host;
      this.record(result);
    }
  }

  get init(): TInit {
    return this.host.init;
  }

  get now(): number {
    return this.clock.now();
  }

  get done(): boolean {
    return this.host.status === 'finished';
  }

  /** What the room would store now. */
  stored(): StoredState {
    return this.host.state;
  }

  /** The persisted snapshot, as the room stores it. */
  persisted(): any {
    return JSON.parse(this.host.state.snapshot);
  }

  /** Sends a player event as the room does. Returns what the step emitted; throws when the host rejected it. */
  sendAs(senderId: string, type: string, payload: Record<string, unknown> = {}): RoomEffect[] {
    return this.input({
      type: 'player',
      playerId: senderId,
      event: { ...payload, type },
      ...this.lookUp(type, payload),
      ...(this.version.senderTags?.includes(type) ? { tag: simulatedTag(senderId) } : {}),
    });
  }

  /** As the room does for an event that names a message: the stored message with that seq, or null. */
  private lookUp(type: string, payload: Record<string, unknown>): { message?: ReferencedMessage | null } {
    const field = this.version.messageRefs?.[type];
    if (field === undefined) return {};
    const seq = payload[field];
    return { message: this.messages.find((m) => m.seq === seq) ?? null };
  }

  /** Sends an admin event as the room does. */
  admin(type: string, payload: Record<string, unknown> = {}): RoomEffect[] {
    return this.input({ type: 'admin', event: { ...payload, type } });
  }

  /** Sends an event as is, bypassing the schemas (to test the machine's own checks). */
  deliver(event: { type: string; senderId: string; [key: string]: unknown }): RoomEffect[] {
    return this.input({ type: 'unchecked', event });
  }

  /** One input through the host; throws its rejection, as a test wants to hear about it. */
  input(input: HostInput): RoomEffect[] {
    const result = this.step(input);
    if (result.input.status === 'rejected') throw result.input.error;
    return result.emitted.map((e) => e.effect);
  }

  /** One input through the host, returning its whole result (rejections included). */
  step(input: HostInput): StepResult {
    const result = this.host.step(input);
    this.record(result);
    const entry = historyEntryOf(this.clock.now(), input, result, this.host.state === result.state ? this.host.snapshot : undefined);
    if (entry) this.entries.push(entry);
    if (this.restoreEveryStep) this.host = this.resume(result.state);
    return result;
  }

  /** This room's input history, as a Durable Object room would export it. */
  history(): InputHistory {
    return inputHistory({ room: this.facts.roomId, machine: this.host.ref, facts: this.facts, init: this.payload, entries: this.entries });
  }

  /** The durable timers the room would hold now. */
  timers(): TimerView[] {
    return this.host.timerViews;
  }

  /** Moves the clock to the earliest timer and delivers what is due. False when no timer is pending. */
  advance(): boolean {
    const next = this.host.timerViews[0];
    if (!next) return false;
    this.clock.set(Math.max(next.dueAt, this.clock.now()));
    this.step({ type: 'time' });
    return true;
  }

  /** A player's view, as the room would send it. */
  view(playerId: string): any {
    return this.host.view(playerId);
  }

  /** Emitted effects of one type. */
  emitted<T extends RoomEffect['type']>(type: T): Extract<RoomEffect, { type: T }>[] {
    return this.effects.map((e) => e.effect).filter((e): e is Extract<RoomEffect, { type: T }> => e.type === type);
  }

  private resume(state: StoredState): GameHost<TInit> {
    return GameHost.restore(this.version, state, this.payload, this.facts, { clock: this.clock, views: this.views });
  }

  private record(result: StepResult): void {
    if (this.freezeSnapshots) deepFreeze(this.host.snapshot);
    this.results.push(result);
    for (const e of result.emitted) {
      this.effects.push({ ...e, at: this.clock.now() });
      if (e.effect.type === 'room.message') {
        const { channel, members, from } = e.effect;
        this.messages.push({ seq: this.messages.length + 1, channel, members, from });
      }
    }
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}
