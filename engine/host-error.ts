/**
 * Why the host did not do what it was asked. Each code is stable; adapters map them to their
 * transport (the room: docs/protocol.md's error table, with an HTTP status per code).
 */
export type HostErrorCode =
  /** The init payload does not fit the version's schema; `details.issues` lists `{ path, message }`. */
  | 'INVALID_INIT'
  /** The machine could not start from this init. */
  | 'MACHINE_FAILED'
  /** Not an event of this version for this sender, or its payload is malformed. */
  | 'INVALID_EVENT'
  /** The game has ended: the machine accepts no more events. */
  | 'GAME_OVER'
  /** The machine threw on this input; nothing changed. */
  | 'MACHINE_ERROR'
  /** A timer due before this input could not be delivered, so the input may not overtake it. */
  | 'TIMER_FAILED'
  /** No such timer. */
  | 'NOT_FOUND'
  /** The target version declares no migration from the room's version. */
  | 'NO_UPGRADE_PATH'
  /** The migration threw, or produced a snapshot the target cannot run; nothing changed. */
  | 'UPGRADE_FAILED'
  /** The migration would strand the room (init, timers or waiting states); `details.reasons` says why. */
  | 'UPGRADE_REFUSED';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** Why a stored state could not be restored. The room refuses game events and wipes nothing. */
export interface RestoreProblem {
  code: 'UNKNOWN_MACHINE_VERSION' | 'SNAPSHOT_INVALID' | 'TIMERS_INVALID' | 'INIT_INVALID' | 'ENVELOPE_MISSING';
  message: string;
}

export class RestoreError extends Error {
  constructor(readonly problem: RestoreProblem) {
    super(problem.message);
    this.name = 'RestoreError';
  }
}

/** Zod-style issues as `{ path, message }`, the shape every validation error carries. */
export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
