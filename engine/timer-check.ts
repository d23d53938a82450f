/**
 * Do a restored actor tree and its durable timers fit each other? Read from the chart through
 * XState's public `getNextTransitions`, which lists the `after` transitions of every active state
 * with their event type (`xstate.after.<delay>.<state id>`, also the timer's id).
 *
 * - A dead timer names an actor the tree does not have, or is an `after` timer of a state that is
 *   not active: it would fire into a state that does not expect it. Checked on every restore.
 * - A waiting state is an active state with an `after` transition and no timer: it would wait
 *   forever. Checked on upgrades, where a migration could drop a timer. (A restore cannot tell such
 *   a state from one whose timer fired while a guard held it in place, which XState allows.)
 */
import { getNextTransitions, isMachineSnapshot, type AnyActorRef } from 'xstate';
import type { PortableTimer } from '../machines/machine-version';
import { actorTree } from './actor-tree';
import { timerKey } from './timer-table';

export const AFTER_PREFIX = 'xstate.after.';

/** Each active `after` transition of the tree, keyed like its timer: actor path + event type. */
export function delayedStatesOf(root: AnyActorRef): Map<string, { actorPath: string; timerId: string }> {
  const expected = new Map<string, { actorPath: string; timerId: string }>();
  for (const [actorPath, ref] of actorTree(root)) {
    const snapshot = ref.getSnapshot();
    if (!isMachineSnapshot(snapshot) || snapshot.status !== 'active') continue;
    for (const transition of getNextTransitions(snapshot)) {
      const timerId = transition.eventType;
      if (typeof timerId === 'string' && timerId.startsWith(AFTER_PREFIX)) {
        expected.set(timerKey({ actorPath, timerId }), { actorPath, timerId });
      }
    }
  }
  return expected;
}

/** Timers that cannot fire into the tree as it is; one sentence each. */
export function deadTimers(root: AnyActorRef, timers: readonly PortableTimer[]): string[] {
  const tree = actorTree(root);
  const expected = delayedStatesOf(root);
  const problems: string[] = [];
  for (const timer of timers) {
    if (!tree.has(timer.actorPath)) {
      problems.push(`timer "${timer.timerId}" belongs to actor ${timer.actorPath}, which the snapshot does not have`);
    } else if (!tree.has(timer.targetPath)) {
      problems.push(`timer "${timer.timerId}" of ${timer.actorPath} is for actor ${timer.targetPath}, which the snapshot does not have`);
    } else if (timer.timerId.startsWith(AFTER_PREFIX) && !expected.has(timerKey(timer))) {
      problems.push(`timer "${timer.timerId}" of ${timer.actorPath} belongs to no delayed transition of an active state`);
    }
  }
  return problems;
}

/** Active delayed states without their timer, keyed like the timer table; {@link describeWaiting} words one. */
export function waitingStates(root: AnyActorRef, timers: readonly PortableTimer[]): Map<string, { actorPath: string; timerId: string }> {
  const carried = new Set(timers.map(timerKey));
  const waiting = new Map<string, { actorPath: string; timerId: string }>();
  for (const [key, state] of delayedStatesOf(root)) if (!carried.has(key)) waiting.set(key, state);
  return waiting;
}

export function describeWaiting(state: { actorPath: string; timerId: string }): string {
  const stateId = state.timerId.slice(AFTER_PREFIX.length).replace(/^[^.]+\./, '');
  return `state "${stateId}" of ${state.actorPath} waits for its delay "${state.timerId}" but has no timer: it would wait forever`;
}
