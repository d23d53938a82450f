/** The room's status as admins see it (GET /status, and the inspector's stream). */
import type { RoomEngine } from './room-engine';
import type { Scheduler } from './scheduler';

export interface StatusExtras {
  roomId: string;
  connections: number;
  lastError: { at: number; code: string; message: string } | null;
}

export function roomStatusOf(engine: RoomEngine, scheduler: Scheduler, extras: StatusExtras) {
  const snapshot = engine.snapshot as { value?: unknown } | undefined;
  return {
    roomId: extras.roomId,
    status: engine.status,
    machine: engine.machineRef ?? null,
    createdWith: engine.room?.createdWith ?? null,
    value: snapshot?.value ?? null,
    seq: engine.seq,
    envelopeBytes: engine.envelopeBytes,
    timers: engine.timerViews,
    tasks: scheduler.list().map(({ id, kind, description, type, time, attempts, lastError }) => ({
      id, kind, description, type, dueAt: time, attempts, lastError,
    })),
    restore: engine.problem ? { ok: false as const, ...engine.problem } : { ok: true as const },
    lastError: extras.lastError,
    journalPending: engine.journalPending,
    /** Approximate bytes persisted (snapshot, timers, messages, facts, inspection) since the room last woke. */
    writes: { ...engine.writes },
    connections: extras.connections,
  };
}

export type RoomStatusBody = ReturnType<typeof roomStatusOf>;
