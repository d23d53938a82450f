/**
 * A blitz snapshot read as pecking-order's. The blitz chart runs pecking-order@1's vocabulary with
 * the same context and the same day regions (a round is a day, the final is the finale), so its
 * persisted snapshot differs from a pecking-order one only in the names of its top-level states.
 * Renaming those lets blitz reuse pecking-order's projection and host view unchanged.
 */
import { readGameSnapshot, type GameSnapshotView } from '../../pecking-order/v1/snapshot-reader';

/** Blitz's top-level states by the pecking-order state they play the part of. */
const AS_PECKING_ORDER: Readonly<Record<string, string>> = { pregame: 'pregame', round: 'day', final: 'finale', gameOver: 'gameOver' };

/** The snapshot with `round` and `final` named `day` and `finale`; throws when it is not a blitz snapshot. */
export function asPeckingOrderSnapshot(snapshot: unknown): unknown {
  const value = (snapshot as { value?: unknown } | null)?.value;
  const [stage, inner] = typeof value === 'string' ? [value, undefined] : (Object.entries((value ?? {}) as object)[0] ?? []);
  const renamed = stage !== undefined ? AS_PECKING_ORDER[stage] : undefined;
  if (!renamed) throw new Error(`Not a blitz@1 snapshot: unknown state ${JSON.stringify(value)}.`);
  return { ...(snapshot as object), value: inner === undefined ? renamed : { [renamed]: inner } };
}

/** The snapshot in game terms (pecking-order's reader, through the renaming above). */
export function readBlitzSnapshot(snapshot: unknown): GameSnapshotView {
  return readGameSnapshot(asPeckingOrderSnapshot(snapshot));
}
