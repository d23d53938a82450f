/**
 * XState inspection events in the shapes `@statelyai/inspect` sends, with actor paths (`root`,
 * `root/vote`) as session ids: how the room records them (docs/protocol.md), reproduced for the
 * workbench so a simulated run reads exactly like a live one. Pure.
 */
import type { AnyActorRef, InspectionEvent } from 'xstate';
import { ROOT_ACTOR, type StatelyInspectionEvent } from './records';

export const STATELY_INSPECT_VERSION = '0.7.2';

/** `root/vote`: the ids from the root down. The root actor must be created with id `root`. */
export function actorPathOf(actor: AnyActorRef): string {
  const ids: string[] = [];
  for (let ref: any = actor; ref; ref = ref._parent) ids.unshift(ref.id);
  return ids.join('/');
}

const plain = (value: unknown): any => JSON.parse(JSON.stringify(value ?? null));

export function toStatelyEvent(raw: InspectionEvent, at: number): StatelyInspectionEvent | null {
  const base = { rootId: ROOT_ACTOR, id: null, createdAt: String(at), _version: STATELY_INSPECT_VERSION };
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
