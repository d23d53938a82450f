/**
 * What a blitz step is worth a push for: a round's vote opening, the final opening, and the
 * game's end. A round's other steps come minutes apart, too often for a push. Read from the two
 * persisted snapshots, outside the chart; the words are public (a push crosses a push service):
 * no ballot, no name of who is out, no winner.
 */
import type { RoomNotice } from '../../machine-version';
import { readBlitzSnapshot } from './snapshot-reader';

function moment(snapshot: unknown): { key: string; day: number; final: boolean; phase: string | null; over: boolean } | null {
  try {
    const read = readBlitzSnapshot(snapshot);
    const day = read.context.day;
    return {
      key: `r${day}:${read.stage}:${read.phase ?? ''}`,
      day,
      final: read.stage === 'finale',
      phase: read.phase,
      over: read.stage === 'gameOver',
    };
  } catch {
    return null;
  }
}

export function blitzNotices(before: unknown, after: unknown): RoomNotice[] {
  const was = before === undefined ? null : moment(before);
  const now = moment(after);
  if (!now || (was && was.key === now.key)) return [];
  if (now.over) return [{ key: 'game-over', to: null, title: 'Game over', body: 'See the final standings.', screen: 'today' }];
  if (now.final && now.phase === 'social') {
    return [{ key: 'final', to: null, title: 'The final', body: 'Two players are left; the jury will crown one.', screen: 'today' }];
  }
  if (now.phase !== 'voting') return [];
  return [
    {
      key: `r${now.day}:voting`,
      to: null,
      title: now.final ? 'The final: the jury votes' : `Round ${now.day}: the vote is open`,
      body: 'Cast your ballot before it closes.',
      screen: 'today',
    },
  ];
}
