/**
 * Actor paths: an actor's id and its ancestors' ids from the root, e.g. `root/vote`. XState's
 * session ids change every time a snapshot is restored; paths do not, so durable timers, effects
 * and inspection records name actors by path.
 *
 * Built on public API only: a machine snapshot's `children` (id → actor ref). An actor's parent is
 * not public, so paths are learnt top-down: from the root's tree when the host boots, and from
 * every snapshot the inspection stream reports (`@xstate.microstep` and `@xstate.snapshot` carry the
 * snapshot of each step, so a child that is spawned and stopped within one input is still named).
 */
import type { AnyActorRef } from 'xstate';

/** The root actor's id; the host creates every root actor with it. */
export const ROOT_ACTOR_ID = 'root';

type ChildMap = Record<string, AnyActorRef | undefined>;

function childrenOf(snapshot: unknown): ChildMap {
  const children = (snapshot as { children?: unknown } | null | undefined)?.children;
  return children && typeof children === 'object' ? (children as ChildMap) : {};
}

/** The live tree below `root`, by path, parents before children; `childPath` names a child from its parent's path. */
function walk(
  root: AnyActorRef,
  rootPath: string,
  childPath: (child: AnyActorRef, parentPath: string, id: string) => string,
): Map<string, AnyActorRef> {
  const tree = new Map<string, AnyActorRef>();
  const visit = (ref: AnyActorRef, path: string) => {
    tree.set(path, ref);
    const children = childrenOf(ref.getSnapshot());
    for (const id in children) {
      const child = children[id];
      if (child) visit(child, childPath(child, path, id));
    }
  };
  visit(root, rootPath);
  return tree;
}

/** Every live actor below (and including) `root`, by path, parents before children. */
export function actorTree(root: AnyActorRef): Map<string, AnyActorRef> {
  return walk(root, ROOT_ACTOR_ID, (_child, path, id) => `${path}/${id}`);
}

/** The actor at `path` below `root`, or undefined when there is none. */
export function actorAt(root: AnyActorRef, path: string): AnyActorRef | undefined {
  const [first, ...rest] = path.split('/');
  if (first !== ROOT_ACTOR_ID) return undefined;
  let current: AnyActorRef | undefined = root;
  for (const id of rest) {
    current = current ? childrenOf(current.getSnapshot())[id] : undefined;
    if (!current) return undefined;
  }
  return current;
}

/** Remembers the path of every actor it has seen in a snapshot; see the file header. */
export class ActorPaths {
  private readonly paths = new WeakMap<AnyActorRef, string>();

  constructor(root: AnyActorRef) {
    this.learnTree(root);
  }

  /** Learns the paths of the whole live tree (after a boot or a restore). */
  learnTree(root: AnyActorRef): void {
    this.tree(root);
  }

  /**
   * {@link actorTree}, learning the path of every actor in it that was not known yet. A known
   * actor's path is the string learnt before (a parent's path and the actor's id, as here), so a
   * walk after every transition makes no new strings for the tree's keys.
   */
  tree(root: AnyActorRef): Map<string, AnyActorRef> {
    const known = (ref: AnyActorRef, path: () => string) => {
      let held = this.paths.get(ref);
      if (held === undefined) this.paths.set(ref, (held = path()));
      return held;
    };
    return walk(
      root,
      known(root, () => ROOT_ACTOR_ID),
      (child, parentPath, id) => known(child, () => `${parentPath}/${id}`),
    );
  }

  /** Learns the children named in `snapshot`, an actor's snapshot as inspection reported it. */
  learnChildren(actor: AnyActorRef, snapshot: unknown): void {
    const path = this.paths.get(actor);
    if (path === undefined) return;
    // Runs for every microstep and snapshot of every actor: a plain loop, no entries list.
    const children = childrenOf(snapshot);
    for (const id in children) {
      const child = children[id];
      if (child && !this.paths.has(child)) this.paths.set(child, `${path}/${id}`);
    }
  }

  /** The actor's path, or undefined for an actor never seen in a snapshot of a known parent. */
  of(actor: AnyActorRef): string | undefined {
    return this.paths.get(actor);
  }
}
