/**
 * A machine version run in the browser by the one host (engine/host.ts), on a simulated clock: the
 * same validation, the same timers and the same effects as a room, so what a designer simulates is
 * what production runs. This adapter only keeps the results in memory — inspection records,
 * effects, the timer table — for the inspector's views, which read a simulation exactly like a
 * live room. Time moves only when asked: by an amount, or to the next timer.
 */
import { GameHost, type EmittedEffect as HostEffect, type HostInput, type StepResult } from '../../engine/host';
import { HostError } from '../../engine/host-error';
import { simulatedTag } from '../../engine/simulated-tag';
import {
  ADMIN_SENDER,
  type MachineVersion,
  type ReferencedMessage,
  type RoomEffect,
  type RoomEvent,
  type RoomFacts,
  type TimerView,
} from '../../machines/machine-version';
import type { InspectionRecord } from '../../protocol';

export interface EmittedEffect extends HostEffect {
  at: number;
  seq: number;
}

export interface SimulationState {
  records: readonly InspectionRecord[];
  effects: readonly EmittedEffect[];
  timers: readonly TimerView[];
  now: number;
  status: 'active' | 'done' | 'error';
  /** Why the last input was rejected, or why time stopped (a timer that cannot be delivered). */
  error: string | null;
}

let runs = 0;

/** A clock that moves only when the designer moves it. */
class ManualClock {
  constructor(private time: number) {}
  now = () => this.time;
  set(time: number) {
    this.time = Math.max(this.time, time);
  }
}

export class Simulation {
  /** Tells runs apart (a restart is a new run). */
  readonly run = ++runs;
  private readonly clock: ManualClock;
  private readonly host: GameHost;
  private records: InspectionRecord[] = [];
  private effects: EmittedEffect[] = [];
  private error: string | null = null;
  private listeners = new Set<() => void>();
  private state!: SimulationState;

  /** Starts `version` from its init payload (without `machine`); throws the host's error when it cannot. */
  constructor(
    readonly version: MachineVersion,
    payload: unknown,
    readonly facts: RoomFacts,
  ) {
    this.clock = new ManualClock(facts.createdAt);
    // The workbench shows records and effects, not players' views: no need to project them every step.
    const { host, result } = GameHost.create(version, payload, facts, { clock: this.clock, inspect: true, views: false });
    this.host = host;
    this.commit(result);
  }

  get init(): unknown {
    return this.host.init;
  }

  players(): { playerId: string; name: string }[] {
    return this.host.players();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.state;

  /** Sends an event (its `senderId` says who: a player, or `admin`) as the room would; returns what the step emitted. */
  send(event: RoomEvent): RoomEffect[] {
    const { senderId, ...rest } = event;
    const input: HostInput =
      senderId === ADMIN_SENDER
        ? { type: 'admin', event: rest }
        : {
            type: 'player',
            playerId: senderId,
            event: rest,
            ...this.lookUp(rest),
            // The workbench has no room secret: a stand-in tag, as the simulated room's.
            ...(this.version.senderTags?.includes(rest.type) ? { tag: simulatedTag(senderId) } : {}),
          };
    const result = this.host.step(input);
    this.commit(result);
    return result.emitted.map((e) => e.effect);
  }

  /** As the room does for an event that names a message (`messageRefs`): the message with that seq, seq 1 first. */
  private lookUp(event: { type: string; [field: string]: unknown }): { message?: ReferencedMessage | null } {
    const field = this.version.messageRefs?.[event.type];
    if (field === undefined) return {};
    const messages = this.effects.map((e) => e.effect).filter((e) => e.type === 'room.message');
    const seq = event[field];
    const found = typeof seq === 'number' ? messages[seq - 1] : undefined;
    return { message: found ? { seq: seq as number, channel: found.channel, members: found.members, from: found.from } : null };
  }

  /** Moves the clock to the next timer and delivers what is due then; false when none is pending. */
  advanceToNextTimer(): boolean {
    const next = this.host.timerViews[0];
    if (!next) return false;
    this.clock.set(next.dueAt);
    this.commit(this.host.step({ type: 'time' }));
    return true;
  }

  /** Moves the clock by `ms`; the host delivers each timer due on the way at its own time. */
  advanceBy(ms: number): void {
    this.clock.set(this.clock.now() + Math.max(0, ms));
    this.commit(this.host.step({ type: 'time' }));
  }

  /** Keeps what the step produced, and tells listeners. */
  private commit(result: StepResult): void {
    for (const transition of result.transitions) {
      const start = this.records.length;
      transition.inspection.forEach((event, i) => {
        this.records.push({ n: start + i + 1, seq: transition.seq, at: transition.at, event });
      });
    }
    const seq = result.state.seq;
    for (const effect of result.emitted) this.effects.push({ ...effect, at: this.clock.now(), seq });
    this.error =
      result.input.status === 'rejected'
        ? `${result.input.error.code}: ${result.input.error.message}`
        : result.failure
          ? result.failure.error.message
          : null;
    this.state = {
      records: [...this.records],
      effects: [...this.effects],
      timers: this.host.timerViews,
      now: this.clock.now(),
      status: result.failure ? 'error' : this.host.status === 'running' ? 'active' : 'done',
      error: this.error,
    };
    for (const listener of this.listeners) listener();
  }
}

/**
 * Starts a simulation from the init payload a designer typed (JSON text): the simulation, or the
 * problem in words: not JSON, the host's INVALID_INIT issues one per line, or why it could not start.
 * The workbench and the designer's draft simulation both start this way.
 */
export function startSimulation(
  version: MachineVersion,
  input: string,
  facts: RoomFacts,
  what: string,
): { simulation: Simulation } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch (error) {
    return { problem: `The input is not JSON: ${(error as Error).message}` };
  }
  try {
    // The host validates the input (schema and checkInit), exactly as a room does.
    return { simulation: new Simulation(version, raw, facts) };
  } catch (error) {
    const issues = error instanceof HostError ? (error.details.issues as { path: string; message: string }[] | undefined) : undefined;
    return {
      problem: issues
        ? issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('\n')
        : `${what} could not start: ${(error as Error).message}`,
    };
  }
}
