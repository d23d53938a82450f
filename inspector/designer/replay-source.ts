/**
 * The designer's door to the engine's replay (engine/replay.ts `compareReplay`): one recorded
 * history run on the version it was recorded on and on a draft. The comparing is the engine's;
 * this only turns a throw into a message the view shows beside the room.
 */
import type { MachineVersion } from '../../machines/machine-version';
import type { InputHistory } from '../../protocol';
import { compareReplay, type ReplayComparison } from '../../engine/replay';

export type ReplayOutcome = ReplayComparison;

export function replayOnDraft(original: MachineVersion, draft: MachineVersion, history: InputHistory): ReplayOutcome | { error: string } {
  try {
    return compareReplay(original, draft, history);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { error: `${typeof code === 'string' ? code : 'REPLAY_FAILED'}: ${(error as Error).message}` };
  }
}
