/**
 * What a `pecking-order@1` step is worth a push for: a phase opening (morning, DMs, vote, results,
 * night) and the game's end. Read from the two persisted snapshots through snapshot-reader.ts, so
 * the chart itself is untouched. The words are public (the day and the phase), since a push crosses
 * a push service: no ballot, no name of who is out, no winner.
 */
import type { RoomNotice } from '../../machine-version';
import type { Phase } from './presets';
import { readGameSnapshot } from './snapshot-reader';

const PHASE_PUSH: Record<Phase, { title: string; body: string }> = {
  morning: { title: 'Morning', body: 'A new day: the group chat is open.' },
  social: { title: 'DMs are open', body: 'Make your deals before the vote.' },
  voting: { title: 'The vote is open', body: 'Cast your ballot before it closes.' },
  results: { title: 'The results are in', body: 'See how the vote went.' },
  night: { title: 'Night falls', body: 'Chat and DMs are closed until morning.' },
};

function moment(snapshot: unknown): { key: string; day: number; phase: Phase | null; over: boolean } | null {
  try {
    const read = readGameSnapshot(snapshot);
    const day = read.context.day;
    return { key: `d${day}:${read.stage}:${read.phase ?? ''}`, day, phase: read.phase, over: read.stage === 'gameOver' };
  } catch {
    return null;
  }
}

export function notices(before: unknown, after: unknown): RoomNotice[] {
  const was = before === undefined ? null : moment(before);
  const now = moment(after);
  if (!now || (was && was.key === now.key)) return [];
  if (now.over) return [{ key: 'game-over', to: null, title: 'Game over', body: 'See the final standings.', screen: 'today' }];
  if (!now.phase) return [];
  const words = PHASE_PUSH[now.phase];
  return [{ key: `d${now.day}:${now.phase}`, to: null, title: `Day ${now.day}: ${words.title}`, body: words.body, screen: 'today' }];
}
