/**
 * The designer's door to the engine's replay (engine/replay.ts `compareReplay`): one recorded
 * history run on the version it was recorded on and on a draft. This file only shapes the result
 * for the view; the comparing is the engine's.
 */
import type { MachineVersion } from '../../machines/machine-version';
import type { HistoryEntry, InputHistory } from '../../protocol';
import { compareReplay } from '../../engine/replay';

export interface ReplaySide {
  value?: unknown;
  context?: unknown;
}

export interface ReplayOutcome {
  same: boolean;
  /** How many recorded inputs were compared. */
  entries: number;
  divergence?: {
    index: number;
    entry: HistoryEntry;
    before: { original: ReplaySide | null; draft: ReplaySide | null };
    after: { original: ReplaySide | null; draft: ReplaySide | null };
    reason?: string;
  };
}

export function replayOnDraft(original: MachineVersion, draft: MachineVersion, history: InputHistory): ReplayOutcome | { error: string } {
  try {
    const result = compareReplay(original, draft, history) as unknown as Omit<ReplayOutcome, 'entries'> & { entries: number | unknown[] };
    return { ...result, entries: Array.isArray(result.entries) ? result.entries.length : Number(result.entries) };
  } catch (error) {
    return { error: `REPLAY_FAILED: ${(error as Error).message}` };
  }
}
