/**
 * Actor paths: an actor's id and its ancestors' from the root, e.g. `root/vote`. XState's session
 * ids change every time a snapshot is restored; paths do not, so durable timers and inspection
 * records name actors by path. The root actor must be created with id {@link ROOT_ACTOR_ID}.
 */
import type { AnyActorRef } from 'xstate';

export const ROOT_ACTOR_ID = 'root';

/** The path of an actor from the root, e.g. `root/day/vote`. */
export function actorPathOf(actor: AnyActorRef): string {
  const ids: string[] = [];
  for (let ref: any = actor; ref; ref = ref._parent) ids.unshift(ref.id);
  return ids.join('/');
}

/** Finds the actor at `path` below `root`, or undefined when that child does not exist. */
export function actorAt(root: AnyActorRef, path: string): AnyActorRef | undefined {
  const [first, ...rest] = path.split('/');
  if (first !== root.id) return undefined;
  let current: AnyActorRef | undefined = root;
  for (const id of rest) {
    current = (current?.getSnapshot() as { children?: Record<string, AnyActorRef> })?.children?.[id];
    if (!current) return undefined;
  }
  return current;
}
