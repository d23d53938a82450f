/** The room's status as admins see it (GET /status, and the inspector's stream): protocol/status.ts defines the body. */
import type { RoomStatusBody, StateValue } from '../protocol';
import type { RoomEngine } from './room-engine';
import type { Scheduler } from './scheduler';

export interface StatusExtras {
  roomId: string;
  connections: number;
  lastError: RoomStatusBody['lastError'];
}

export function roomStatusOf(engine: RoomEngine, scheduler: Scheduler, extras: StatusExtras): RoomStatusBody {
  const snapshot = engine.snapshot as { value?: StateValue } | undefined;
  return {
    roomId: extras.roomId,
    status: engine.status,
    machine: engine.machineRef ?? null,
    createdWith: engine.room?.createdWith ?? null,
    value: snapshot?.value ?? null,
    players: playersOf(engine),
    seq: engine.seq,
    envelopeBytes: engine.envelopeBytes,
    timers: engine.timerViews,
    tasks: scheduler.list().map(({ id, kind, description, type, time, attempts, lastError }) => ({
      id, kind, description, type, dueAt: time, attempts, lastError,
    })),
    restore: engine.problem ? { ok: false as const, ...engine.problem } : { ok: true as const },
    lastError: extras.lastError,
    journalPending: engine.journalPending,
    writes: { ...engine.writes },
    connections: extras.connections,
  };
}

function playersOf(engine: RoomEngine): { playerId: string; name: string }[] {
  const roster = engine.room?.init.roster;
  if (!Array.isArray(roster)) return [];
  return roster
    .map((entry) => entry as { playerId?: unknown; name?: unknown })
    .filter((entry) => typeof entry.playerId === 'string')
    .map((entry) => ({ playerId: entry.playerId as string, name: typeof entry.name === 'string' ? entry.name : (entry.playerId as string) }));
}
