/** What changed between two JSON values, path by path. Pure. */

export interface Change {
  /** `cast.p2.silver`, `history[0]`; empty for the whole value. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string | number) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$-]*$/.test(key)
      ? path
        ? `${path}.${key}`
        : key
      : `${path}[${JSON.stringify(key)}]`;

const emptyLike = (v: unknown) => (Array.isArray(v) ? [] : isObject(v) ? {} : undefined);
/** True for values with no leaves to list (scalars, `{}`, `[]`): they are a change of their own. */
const isEmpty = (v: unknown) => emptyLike(v) === undefined || Object.keys(v as object).length === 0;

/**
 * Changes from `before` to `after`, leaf by leaf: an object or array that appears or disappears is
 * listed by its own leaves (`history[0].out + "p5"`), so nothing hides in a truncated blob.
 */
export function diffJson(before: unknown, after: unknown, path = '', out: Change[] = []): Change[] {
  if (Object.is(before, after)) return out;
  if (before === undefined && path && !isEmpty(after)) return diffJson(emptyLike(after), after, path, out);
  if (after === undefined && path && !isEmpty(before)) return diffJson(before, emptyLike(before), path, out);
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      diffJson(key in before ? before[key] : undefined, key in after ? after[key] : undefined, join(path, key), out);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) {
      diffJson(i < before.length ? before[i] : undefined, i < after.length ? after[i] : undefined, join(path, i), out);
    }
    return out;
  }
  if (before === undefined) out.push({ path, kind: 'added', after });
  else if (after === undefined) out.push({ path, kind: 'removed', before });
  else out.push({ path, kind: 'changed', before, after });
  return out;
}
