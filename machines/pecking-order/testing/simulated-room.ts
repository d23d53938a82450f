/**
 * A room in a test: hosts a machine version the way the real room does (validates init and events,
 * sets `senderId`, collects what actors emit, persists after every step, projects views), but in
 * memory and on xstate's SimulatedClock. The timers are read from the actor system's schedule, the
 * way the durable scheduler reads them.
 */
import { createActor, SimulatedClock, type AnyActorRef } from 'xstate';
import { ADMIN_SENDER, type MachineVersion, type RoomEffect, type RoomFacts, type TimerView } from '../../machine-version';

export interface EmittedEffect {
  /** `root`, or `root/<child id>`. */
  actorPath: string;
  at: number;
  effect: RoomEffect;
}

export interface SimulatedRoomOptions {
  version: MachineVersion;
  /** The raw init payload; validated with the version's `initSchema`. */
  init: unknown;
  room?: Partial<RoomFacts>;
  /** A persisted snapshot to restore instead of starting fresh. */
  snapshot?: unknown;
}

interface ScheduledEvent {
  id: string;
  delay: number;
  event: { type: string };
  source: AnyActorRef;
}

export class SimulatedRoom<TInit = any> {
  readonly version: MachineVersion<TInit>;
  readonly init: TInit;
  readonly facts: RoomFacts;
  readonly clock = new SimulatedClock();
  readonly actor: AnyActorRef;
  readonly effects: EmittedEffect[] = [];
  private readonly dueAt = new Map<string, { scheduled: ScheduledEvent; dueAt: number }>();

  constructor(options: SimulatedRoomOptions) {
    this.version = options.version as MachineVersion<TInit>;
    this.init = this.version.initSchema.parse(options.init);
    this.facts = { roomId: 'room-test', createdAt: 1_767_225_600_000, seed: 'seed-test', ...options.room };
    this.clock.set(this.facts.createdAt);
    const root = { current: null as AnyActorRef | null };
    this.actor = createActor(this.version.machine, {
      input: this.version.createInput(this.init, this.facts),
      clock: this.clock,
      ...(options.snapshot ? { snapshot: options.snapshot as any } : {}),
      inspect: (event) => {
        if (event.type !== '@xstate.actor') return;
        const ref = event.actorRef as AnyActorRef;
        ref.on('*', (effect: RoomEffect) => {
          const actorPath = ref === root.current || !ref._parent ? 'root' : `root/${ref.id}`;
          this.effects.push({ actorPath, at: this.clock.now(), effect });
        });
      },
    });
    root.current = this.actor;
    this.actor.start();
    this.refreshTimers();
  }

  get now(): number {
    return this.clock.now();
  }

  get done(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** The persisted snapshot, as the room stores it (JSON round trip). */
  persisted(): any {
    return JSON.parse(JSON.stringify(this.actor.getPersistedSnapshot()));
  }

  /** Sends a player event as the room does: payload checked by its schema, sender set. Returns what it emitted. */
  sendAs(senderId: string, type: string, payload: Record<string, unknown> = {}): RoomEffect[] {
    const schema = this.version.playerEvents[type];
    if (!schema) throw new Error(`Unknown player event ${type}`);
    return this.deliver({ type, ...(schema.parse(payload) as object), senderId });
  }

  /** Sends an admin event as the room does. Returns what it emitted. */
  admin(type: string, payload: Record<string, unknown> = {}): RoomEffect[] {
    const schema = this.version.adminEvents[type];
    if (!schema) throw new Error(`Unknown admin event ${type}`);
    return this.deliver({ type, ...(schema.parse(payload) as object), senderId: ADMIN_SENDER });
  }

  /** Sends an event as is, bypassing the schemas (to test the machine's own checks). */
  deliver(event: { type: string; senderId: string; [key: string]: unknown }): RoomEffect[] {
    if (this.done) throw new Error('The game is over; the room accepts no more events.');
    const before = this.effects.length;
    this.actor.send(event);
    this.refreshTimers();
    return this.effects.slice(before).map((e) => e.effect);
  }

  /** The durable timers the room would hold now. */
  timers(): TimerView[] {
    return [...this.dueAt.values()].map(({ scheduled, dueAt }) => ({
      actorPath: scheduled.source === this.actor ? 'root' : `root/${scheduled.source.id}`,
      timerId: scheduled.id,
      event: scheduled.event.type,
      dueAt,
    }));
  }

  /** Moves the clock to the earliest timer and fires it. False when no timer is pending. */
  advance(): boolean {
    const next = Math.min(...this.timers().map((t) => t.dueAt));
    if (!Number.isFinite(next)) return false;
    this.clock.set(Math.max(next, this.clock.now()));
    this.refreshTimers();
    return true;
  }

  /** A player's view, projected from the persisted snapshot as the room does. */
  view(playerId: string): any {
    return this.version.project({ snapshot: this.persisted(), init: this.init, playerId, timers: this.timers() });
  }

  /** Emitted effects of one type. */
  emitted<T extends RoomEffect['type']>(type: T): Extract<RoomEffect, { type: T }>[] {
    return this.effects.map((e) => e.effect).filter((e): e is Extract<RoomEffect, { type: T }> => e.type === type);
  }

  private refreshTimers(): void {
    const scheduled = (this.actor.system as any).getSnapshot()._scheduledEvents as Record<string, ScheduledEvent>;
    for (const key of [...this.dueAt.keys()]) {
      if (!(key in scheduled)) this.dueAt.delete(key);
    }
    for (const [key, event] of Object.entries(scheduled)) {
      const known = this.dueAt.get(key);
      // A new object under a known key is a new schedule of the same timer.
      if (!known || known.scheduled !== event) this.dueAt.set(key, { scheduled: event, dueAt: this.clock.now() + event.delay });
    }
  }
}
