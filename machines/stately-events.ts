/**
 * The inspection event shape of `@statelyai/inspect`, as the room records it and the workbench
 * shows it (the conversion from XState's inspection events is the host's: engine/inspection-records.ts).
 */

/** The `@statelyai/inspect` event format version these follow. */
export const STATELY_INSPECT_VERSION = '0.7.2';

export interface StatelyInspectionEvent {
  type: '@xstate.actor' | '@xstate.event' | '@xstate.snapshot';
  sessionId: string;
  rootId: string;
  id: null;
  createdAt: string;
  _version: string;
  name?: string;
  parentId?: string;
  definition?: string;
  sourceId?: string;
  event?: unknown;
  snapshot?: unknown;
}
