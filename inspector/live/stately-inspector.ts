/**
 * Opens the official Stately inspector (stately.ai/inspect, in a new window) on this room's stream.
 * Our records are already `@statelyai/inspect` events, so they go straight to its browser adapter,
 * which holds them until the inspector window says it is connected, then keeps forwarding.
 */
import { createBrowserInspector } from '@statelyai/inspect';
import type { AnyStateMachine } from 'xstate';
import { STATELY_INSPECT_VERSION, type InspectionRecord, type StatelyInspectionEvent } from '../../protocol';

type AdapterEvent = Parameters<ReturnType<typeof createBrowserInspector>['adapter']['send']>[0];

export interface StatelyWindow {
  send(records: readonly InspectionRecord[]): void;
  /** False when the browser blocked the window. */
  opened: boolean;
}

/**
 * The history may have lost the root's `@xstate.actor` event (it keeps the last 1,000
 * transitions); the Stately inspector needs one to draw the machine, so it is made up from the
 * machine this build knows.
 */
function actorEventFor(records: readonly InspectionRecord[], machine: AnyStateMachine | undefined): StatelyInspectionEvent | null {
  if (records.some((r) => r.event.type === '@xstate.actor' && r.event.sessionId === 'root')) return null;
  const first = records[0]?.event;
  return {
    type: '@xstate.actor',
    sessionId: 'root',
    rootId: 'root',
    id: null,
    name: machine?.id ?? 'root',
    createdAt: first?.createdAt ?? String(Date.now()),
    _version: first?._version ?? STATELY_INSPECT_VERSION,
    definition: JSON.stringify(machine?.config ?? { id: 'root' }),
  };
}

export function openStatelyInspector(records: readonly InspectionRecord[], machine?: AnyStateMachine): StatelyWindow {
  const inspector = createBrowserInspector({ autoStart: true, maxDeferredEvents: 100_000 });
  const adapter = inspector.adapter;
  const send = (events: readonly StatelyInspectionEvent[]) => {
    for (const event of events) adapter.send(event as unknown as AdapterEvent);
  };
  const made = actorEventFor(records, machine);
  send([...(made ? [made] : []), ...records.map((r) => r.event)]);
  return { send: (next) => send(next.map((r) => r.event)), opened: adapter.targetWindow !== null };
}
