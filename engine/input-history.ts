/**
 * Recording a room's input history (protocol/input-history.ts) as its host takes inputs. Every
 * adapter that records one (the Durable Object room, the simulated room of the tests, the
 * workbench) calls {@link historyEntryOf} after each step, so histories mean the same everywhere.
 */
import { INPUT_HISTORY_FORMAT, type HistoryEntry, type InputHistory, type RecordedInput, type StateValue } from '../protocol';
import type { MachineRef, RoomFacts } from '../machines/machine-version';
import type { HostInput, StepResult } from './host';

/**
 * The entry to record for one step, or null when there is nothing to replay: an input rejected
 * before the machine saw it (it changed nothing anywhere), time that delivered nothing, and the
 * tests' `unchecked` events (no user can send those, so no history may hold them).
 * Machine refusals are recorded: a draft may accept what the original refused.
 *
 * `parsed` is the result's snapshot already parsed, when the caller holds it (the host's
 * `snapshot` after the step): parsing a 5 KB snapshot again per step was a tenth of a game's time.
 */
export function historyEntryOf(at: number, input: HostInput, result: StepResult, parsed?: unknown): HistoryEntry | null {
  if (input.type === 'unchecked') return null;
  if (result.transitions.length === 0 && result.input.status !== 'applied') return null;
  const recorded: RecordedInput =
    input.type === 'player'
      ? {
          type: 'player',
          playerId: input.playerId,
          event: input.event,
          ...(input.message !== undefined ? { message: input.message } : {}),
          ...(input.tag !== undefined ? { tag: input.tag } : {}),
        }
      : input.type === 'admin'
        ? { type: 'admin', event: input.event }
        : input.type === 'fire'
          ? { type: 'fire', actorPath: input.actorPath, timerId: input.timerId }
          : { type: 'time' };
  const value = parsed !== undefined ? (parsed as { value: StateValue }).value : stateValueOf(result.state.snapshot);
  return { at, input: recorded, after: { seq: result.state.seq, value } };
}

/** The state value of a stored snapshot string, without keeping the parse. */
function stateValueOf(snapshot: string): StateValue {
  return (JSON.parse(snapshot) as { value: StateValue }).value;
}

/** A whole history, ready to save or send. */
export function inputHistory(args: {
  room: string;
  machine: MachineRef;
  facts: RoomFacts;
  init: unknown;
  entries: readonly HistoryEntry[];
  upgradedAt?: number;
}): InputHistory {
  return {
    format: INPUT_HISTORY_FORMAT,
    room: args.room,
    machine: args.machine,
    facts: { roomId: args.facts.roomId, createdAt: args.facts.createdAt, seed: args.facts.seed },
    init: args.init,
    entries: [...args.entries],
    ...(args.upgradedAt === undefined ? {} : { upgradedAt: args.upgradedAt }),
  };
}
