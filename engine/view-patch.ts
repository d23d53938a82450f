/**
 * The RFC 6902 patch from one view of a player to the next, as the client holds them (parsed JSON,
 * where an undefined field is no field at all), made with fast-json-patch's `compare`.
 *
 * A view shares most of its parts with the last one (the history, the cast list, whatever the step
 * left alone: XState replaces what changes, projections memoise on it), so only the top-level fields
 * that write different JSON (engine/json-equal.ts) are compared, each on a JSON copy of its own.
 * Comparing whole views meant serialising and parsing every changed view of the cast after every
 * step, and walking all of both: most of the host's work per step in a full room.
 */
import { compare, type Operation } from 'fast-json-patch';
import { sameJson } from './json-equal';

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The operations that turn `before` into `after`, both as JSON would write them. */
export function viewPatch(before: unknown, after: unknown): Operation[] {
  if (!isFields(before) || !isFields(after) || hasToJson(before) || hasToJson(after)) {
    return compare((asJson(before) ?? {}) as object, (asJson(after) ?? {}) as object);
  }
  // Every field of either side once (no key set: this runs for each player after every step).
  const ops: Operation[] = [];
  for (const key in before) {
    if (Object.hasOwn(before, key)) addField(ops, key, before[key], after[key]);
  }
  for (const key in after) {
    if (Object.hasOwn(after, key) && !Object.hasOwn(before, key)) addField(ops, key, undefined, after[key]);
  }
  return ops;
}

/** Adds one field's operations to `ops` (none when it writes the same JSON on both sides). */
function addField(ops: Operation[], key: string, was: unknown, now: unknown): void {
  if (sameJson(was, now)) return;
  // A field's list is shared (cached per pair of objects): copied into `ops`, never kept as it.
  for (const op of fieldPatch(key, was, now)) ops.push(op);
}

/**
 * One field's operations, as JSON on both sides (an undefined one drops out), so the paths are the
 * view's own. For two objects, once per pair and key: every player's view shares the cast list, so
 * after a step that moved silver all of them need the very same operations.
 */
function fieldPatch(key: string, was: unknown, now: unknown): Operation[] {
  if (typeof was !== 'object' || was === null || typeof now !== 'object' || now === null) return compare(field(key, was), field(key, now));
  let byNow = patches.get(was);
  if (!byNow) patches.set(was, (byNow = new WeakMap()));
  let byKey = byNow.get(now);
  if (!byKey) byNow.set(now, (byKey = new Map()));
  let ops = byKey.get(key);
  if (!ops) byKey.set(key, (ops = compare(field(key, was), field(key, now))));
  return ops;
}

/** Operations are only serialised, never changed, so one list serves every view that needs it. */
const patches = new WeakMap<object, WeakMap<object, Map<string, Operation[]>>>();

const hasToJson = (value: object): boolean => typeof (value as { toJSON?: unknown }).toJSON === 'function';

function field(key: string, value: unknown): object {
  const json = asJson(value);
  return json === undefined ? {} : { [key]: json };
}

/**
 * A value as JSON writes and parses it back; for an object, once per object: a part every
 * player's view shares (the cast list) is copied once for the cast, not once per player. The
 * copies are only compared, never changed (compare clones what it puts in an operation).
 */
function asJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    const json = JSON.stringify(value);
    return json === undefined ? undefined : JSON.parse(json);
  }
  let copy = copies.get(value);
  if (copy === undefined) copies.set(value, (copy = JSON.parse(JSON.stringify(value))));
  return copy;
}

const copies = new WeakMap<object, unknown>();
