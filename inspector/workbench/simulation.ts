/**
 * A machine version run in the browser the way a room runs it, on XState's SimulatedClock: the
 * init payload is validated by the version's schema, the root actor starts from `createInput`,
 * events get their `senderId` set by the caller (as the room does), what actors `emit` is
 * collected, and every step is recorded as inspection records, so the inspector's views read a
 * simulation exactly like a live room. Time moves only when asked: by an amount, or to the next timer.
 */
import { createActor, SimulatedClock, type AnyActorRef } from 'xstate';
import { actorPathOf } from '../../machines/actor-path';
import type { MachineVersion, RoomEffect, RoomEvent, RoomFacts, TimerView } from '../../machines/machine-version';
import { toStatelyEvent } from '../../machines/stately-events';
import type { InspectionRecord, StatelyInspectionEvent } from '../../protocol';
import { ScheduledTimers } from './scheduled-timers';

export interface EmittedEffect {
  at: number;
  seq: number;
  actorPath: string;
  effect: RoomEffect;
}

export interface SimulationState {
  records: readonly InspectionRecord[];
  effects: readonly EmittedEffect[];
  timers: readonly TimerView[];
  now: number;
  status: 'active' | 'done' | 'error' | 'stopped';
  error: string | null;
}

let runs = 0;

export class Simulation {
  /** Tells runs apart (a restart is a new run). */
  readonly run = ++runs;
  readonly clock = new SimulatedClock();
  readonly actor: AnyActorRef;
  private pending: { at: number; event: StatelyInspectionEvent }[] = [];
  private records: InspectionRecord[] = [];
  private effects: EmittedEffect[] = [];
  private readonly scheduled = new ScheduledTimers();
  private seq = 0;
  private error: string | null = null;
  private listeners = new Set<() => void>();
  private state!: SimulationState;

  constructor(readonly version: MachineVersion, readonly init: unknown, readonly facts: RoomFacts) {
    this.clock.set(facts.createdAt);
    this.actor = createActor(version.machine, {
      id: 'root',
      clock: this.clock,
      input: version.createInput(init, facts),
      inspect: (raw) => {
        if (raw.type === '@xstate.actor') {
          const ref = raw.actorRef as AnyActorRef;
          ref.on('*', (effect: RoomEffect) => {
            this.effects.push({ at: this.clock.now(), seq: this.seq + 1, actorPath: actorPathOf(ref), effect });
          });
        }
        const event = toStatelyEvent(raw, this.clock.now());
        if (event) this.pending.push({ at: this.clock.now(), event });
      },
    });
    this.actor.subscribe({ error: (error) => (this.error = error instanceof Error ? error.message : String(error)) });
    this.actor.start();
    this.commit();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.state;

  /** Sends an event (its `senderId` already set) and returns what the actors emitted for it. */
  send(event: RoomEvent): RoomEffect[] {
    const before = this.effects.length;
    if (this.actor.getSnapshot().status === 'active') this.actor.send(event);
    this.commit();
    return this.effects.slice(before).map((e) => e.effect);
  }

  /** Moves the clock to the next timer and delivers it; false when none is pending. */
  advanceToNextTimer(): boolean {
    const next = this.scheduled.nextDueAt();
    if (next === null) return false;
    this.clock.set(Math.max(next, this.clock.now()));
    this.commit();
    return true;
  }

  /** Moves the clock by `ms`, delivering each timer due on the way at its own time. */
  advanceBy(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    // Bounded: a chart whose timers re-arm with no delay would otherwise never let time pass.
    for (let i = 0, next = this.scheduled.nextDueAt(); i < 10_000 && next !== null && next <= target; i++, next = this.scheduled.nextDueAt()) {
      this.clock.set(Math.max(next, this.clock.now()));
      this.commit();
    }
    this.clock.set(target);
    this.commit();
  }

  /** Records what this step captured as one transition (`seq`), re-reads the timers, tells listeners. */
  private commit(): void {
    if (this.pending.length > 0) {
      this.seq += 1;
      const start = this.records.length;
      this.pending.forEach(({ at, event }, i) => this.records.push({ n: start + i + 1, seq: this.seq, at, event }));
      this.pending = [];
    }
    this.scheduled.refresh(this.actor, this.clock.now());
    const snapshot = this.actor.getSnapshot();
    this.state = {
      records: [...this.records],
      effects: [...this.effects],
      timers: this.scheduled.list(),
      now: this.clock.now(),
      status: snapshot.status,
      error: this.error ?? (snapshot.status === 'error' ? String((snapshot as { error?: unknown }).error) : null),
    };
    for (const listener of this.listeners) listener();
  }
}
