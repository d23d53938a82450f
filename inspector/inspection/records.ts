/**
 * What the inspection stream carries (docs/protocol.md, "Inspection"): records in the shapes
 * `@statelyai/inspect` sends, and the room's status. The inspector imports only machines/, so the
 * frame types are declared here, from the documented protocol.
 */
import type { StateValue } from 'xstate';
import type { MachineDefinition } from '../../machines/definition';
import type { TimerView } from '../../machines/machine-version';
import type { StatelyInspectionEvent as RecordedEvent } from '../../machines/stately-events';

/** The room's Stately-shaped event (machines/stately-events.ts), with its payloads typed for display. */
export interface StatelyInspectionEvent extends Omit<RecordedEvent, 'event' | 'snapshot'> {
  event?: EventObject;
  snapshot?: InspectedSnapshot;
}

export interface EventObject {
  type: string;
  senderId?: string;
  [key: string]: unknown;
}

export interface InspectedSnapshot {
  value?: StateValue;
  context?: unknown;
  status?: 'active' | 'done' | 'error' | 'stopped';
  /** Invoked or spawned children, by id (serialised actor refs). */
  children?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface InspectionRecord {
  /** Position in the room's history. */
  n: number;
  /** The envelope seq of the transition this record belongs to. */
  seq: number;
  at: number;
  event: StatelyInspectionEvent;
}

export interface TaskView {
  id: string;
  kind: string;
  description: string;
  type?: string;
  dueAt: number;
  attempts: number;
  lastError: string | null;
}

export interface RoomStatus {
  roomId: string;
  status: 'running' | 'finished' | 'uninitialised' | 'restore_failed';
  machine: string | null;
  createdWith: string | null;
  value: StateValue | null;
  seq: number;
  envelopeBytes: number;
  timers: TimerView[];
  tasks: TaskView[];
  restore: { ok: true } | { ok: false; code: string; message: string };
  lastError: { at: number; code: string; message: string } | null;
  journalPending: number;
  connections: number;
}

export type InspectorFrame =
  | { type: 'inspect.hello'; roomId: string; status: RoomStatus; definition: MachineDefinition | null; history: InspectionRecord[] }
  | { type: 'inspect.records'; records: InspectionRecord[] }
  | { type: 'inspect.status'; status: RoomStatus };

export const ROOT_ACTOR = 'root';
