/**
 * XState inspection events in the shapes `@statelyai/inspect` sends, with actor paths as session
 * ids, so a room's history reads as one run across restores and the Stately inspector can read it
 * as it is. The host converts each transition's events once the transition is over (when every
 * actor in it has a path); the room stores them and the workbench shows them.
 */
import type { AnyActorRef, InspectionEvent } from 'xstate';
import { STATELY_INSPECT_VERSION, type InspectedEvent, type InspectedSnapshot, type StatelyInspectionEvent } from '../protocol';
import { ROOT_ACTOR_ID } from './actor-tree';

/** The value as JSON would carry it. */
const plain = <T>(value: unknown): T => JSON.parse(JSON.stringify(value ?? null));

const parentOf = (path: string): string | undefined => {
  const cut = path.lastIndexOf('/');
  return cut > 0 ? path.slice(0, cut) : undefined;
};

/**
 * The Stately-shaped event for an actor, event or snapshot inspection event; null for the other
 * kinds, and for events of an actor whose path is unknown (one never seen in its parent's snapshot).
 */
export function toStatelyEvent(
  raw: InspectionEvent,
  at: number,
  pathOf: (ref: AnyActorRef) => string | undefined,
): StatelyInspectionEvent | null {
  const base = { rootId: ROOT_ACTOR_ID, id: null, createdAt: String(at), _version: STATELY_INSPECT_VERSION };
  const sessionId = pathOf(raw.actorRef as AnyActorRef);
  if (sessionId === undefined) return null;
  switch (raw.type) {
    case '@xstate.actor': {
      const actor = raw.actorRef as AnyActorRef & { logic?: { config?: { id?: string } } };
      const config = actor.logic?.config;
      const parentId = parentOf(sessionId);
      return {
        ...base,
        type: '@xstate.actor',
        sessionId,
        name: actor.id === actor.sessionId && config?.id ? config.id : actor.id,
        ...(parentId ? { parentId } : {}),
        definition: JSON.stringify(config ?? { id: actor.id }),
      };
    }
    case '@xstate.event': {
      const sourceId = raw.sourceRef ? pathOf(raw.sourceRef as AnyActorRef) : undefined;
      return { ...base, type: '@xstate.event', sessionId, ...(sourceId ? { sourceId } : {}), event: plain<InspectedEvent>(raw.event) };
    }
    case '@xstate.snapshot':
      return {
        ...base,
        type: '@xstate.snapshot',
        sessionId,
        event: plain<InspectedEvent>(raw.event),
        snapshot: plain<InspectedSnapshot>(raw.snapshot),
      };
    default:
      return null;
  }
}
