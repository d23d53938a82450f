/** The room's status as admins see it (GET /status, and the inspector's stream). */
import type { HostedRoom } from './hosted-room';
import type { Scheduler } from './scheduler';

export interface StatusExtras {
  roomId: string;
  connections: number;
  lastError: { at: number; code: string; message: string } | null;
}

export function roomStatusOf(room: HostedRoom, scheduler: Scheduler, extras: StatusExtras) {
  const snapshot = room.snapshot as { value?: unknown } | undefined;
  return {
    roomId: extras.roomId,
    status: room.status,
    machine: room.machineRef ?? null,
    createdWith: room.room?.createdWith ?? null,
    value: snapshot?.value ?? null,
    /** Who plays, with display names, as the version reads its init (public in the game anyway). */
    players: room.players(),
    seq: room.seq,
    envelopeBytes: room.envelopeBytes,
    timers: room.timerViews,
    tasks: scheduler.list().map(({ id, kind, description, type, time, attempts, lastError }) => ({
      id, kind, description, type, dueAt: time, attempts, lastError,
    })),
    restore: room.problem ? { ok: false as const, ...room.problem } : { ok: true as const },
    lastError: extras.lastError,
    journalPending: room.journalPending,
    /** Approximate bytes persisted (snapshot, timers, messages, facts, inspection) since the room last woke. */
    writes: { ...room.writes },
    connections: extras.connections,
  };
}

export type RoomStatusBody = ReturnType<typeof roomStatusOf>;
