/**
 * Checks a persisted snapshot against a machine definition before restoring it. XState restores a
 * snapshot that names a state the machine no longer has with status `error` (and inline child logic
 * cannot be restored at all); the host must notice before `start()`, report why, and leave the
 * stored state untouched.
 */
import type { AnyStateMachine } from 'xstate';

interface StateNodeLike {
  states: Record<string, StateNodeLike>;
}

function valueProblem(node: StateNodeLike, value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    return node.states[value] ? null : `state "${path}.${value}" does not exist in this machine`;
  }
  if (!value || typeof value !== 'object') return `state value at "${path}" is not a state`;
  for (const [key, child] of Object.entries(value)) {
    const next = node.states[key];
    if (!next) return `state "${path}.${key}" does not exist in this machine`;
    const problem = valueProblem(next, child, `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}

/** Returns why `snapshot` cannot be restored into `machine`, or null when it can. */
export function snapshotProblem(machine: AnyStateMachine, snapshot: unknown): string | null {
  if (!snapshot || typeof snapshot !== 'object') return 'the snapshot is not an object';
  const s = snapshot as { status?: unknown; value?: unknown; children?: Record<string, any> };
  if (s.status !== 'active' && s.status !== 'done') return `the snapshot's status is "${String(s.status)}"`;
  const problem = valueProblem(machine.root as unknown as StateNodeLike, s.value, machine.id);
  if (problem) return problem;
  const actors = (machine.implementations?.actors ?? {}) as Record<string, unknown>;
  for (const [id, child] of Object.entries(s.children ?? {})) {
    if (typeof child?.src !== 'string') return `child actor "${id}" has inline logic, which cannot be restored`;
    const logic = actors[child.src] as AnyStateMachine | undefined;
    if (!logic) return `child actor "${id}" uses "${child.src}", which this machine does not provide`;
    if ('root' in logic && child.snapshot) {
      const childProblem = snapshotProblem(logic, child.snapshot);
      if (childProblem) return `child actor "${id}": ${childProblem}`;
    }
  }
  return null;
}
