/** The room's status as admins see it (GET /status, and the inspector's stream): protocol/status.ts defines the body. */
import type { RoomStatusBody, StateValue } from '../protocol';
import type { HostedRoom } from './hosted-room';
import type { Scheduler } from './scheduler';

export interface StatusExtras {
  roomId: string;
  connections: number;
  online: string[];
  lastError: RoomStatusBody['lastError'];
}

export function roomStatusOf(room: HostedRoom, scheduler: Scheduler, extras: StatusExtras): RoomStatusBody {
  const snapshot = room.snapshot as { value?: StateValue } | undefined;
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
      id,
      kind,
      description,
      type,
      dueAt: time,
      attempts,
      lastError,
    })),
    restore: room.problem ? { ok: false as const, ...room.problem } : { ok: true as const },
    lastError: extras.lastError,
    journalPending: room.journalPending,
    walletPending: room.walletPending,
    /** Approximate bytes persisted (snapshot, timers, messages, facts, the input log) since the room last woke. */
    writes: { ...room.writes },
    connections: extras.connections,
    online: extras.online,
    host: room.hostSummary(),
    chat: room.messages.activity(),
  };
}
