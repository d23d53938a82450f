/**
 * XState inspection events in the shapes `@statelyai/inspect` sends, with actor paths as session
 * ids, so a room's history reads as one run across restores and the official Stately inspector can
 * read it as it is. Pure: the room records these (worker/inspection-log.ts) and the workbench
 * produces the same from a simulated run.
 */
import type { AnyActorRef, InspectionEvent } from 'xstate';
import { ROOT_ACTOR_ID, actorPathOf } from './actor-path';

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

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

/** The Stately-shaped event for an actor, event or snapshot inspection event; null for others. */
export function toStatelyEvent(raw: InspectionEvent, at: number): StatelyInspectionEvent | null {
  const base = { rootId: ROOT_ACTOR_ID, id: null, createdAt: String(at), _version: STATELY_INSPECT_VERSION };
  switch (raw.type) {
    case '@xstate.actor': {
      const actor = raw.actorRef as any;
      const config = actor.logic?.config;
      return {
        ...base,
        type: '@xstate.actor',
        sessionId: actorPathOf(actor),
        name: actor.id === actor.sessionId && config ? config.id : actor.id,
        ...(actor._parent ? { parentId: actorPathOf(actor._parent) } : {}),
        definition: JSON.stringify(config ?? { id: actor.id }),
      };
    }
    case '@xstate.event':
      return {
        ...base,
        type: '@xstate.event',
        sessionId: actorPathOf(raw.actorRef as AnyActorRef),
        ...(raw.sourceRef ? { sourceId: actorPathOf(raw.sourceRef as AnyActorRef) } : {}),
        event: plain(raw.event),
      };
    case '@xstate.snapshot':
      return {
        ...base,
        type: '@xstate.snapshot',
        sessionId: actorPathOf(raw.actorRef as AnyActorRef),
        event: plain(raw.event),
        snapshot: plain(raw.snapshot),
      };
    default:
      return null;
  }
}
