/**
 * XState inspection events converted to the shapes `@statelyai/inspect` sends (the protocol's
 * `StatelyInspectionEvent`, protocol/inspection.ts), with actor paths as session ids, so a room's
 * history reads as one run across restores and the official Stately inspector can read it as it
 * is. Pure: the room records these (worker/inspection-log.ts) and the workbench produces the same
 * from a simulated run.
 */
import type { AnyActorRef, InspectionEvent } from 'xstate';
import {
  STATELY_INSPECT_VERSION,
  type InspectedEvent,
  type InspectedSnapshot,
  type StatelyInspectionEvent,
} from '../protocol';
import { ROOT_ACTOR_ID, actorPathOf } from './actor-path';

/** The value as JSON would carry it. */
const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value ?? null));

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
        event: plain<InspectedEvent>(raw.event),
      };
    case '@xstate.snapshot':
      return {
        ...base,
        type: '@xstate.snapshot',
        sessionId: actorPathOf(raw.actorRef as AnyActorRef),
        event: plain<InspectedEvent>(raw.event),
        snapshot: plain<InspectedSnapshot>(raw.snapshot),
      };
    default:
      return null;
  }
}
