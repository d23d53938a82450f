/** Moves a simulated ADMIN-scheduled game to a given day and phase with `admin.advance`. */
import { readGameSnapshot } from '../v1/snapshot-reader';
import type { SimulatedRoom } from '../../../engine/testing/simulated-room';

export type Spot = 'pregame' | 'morning' | 'social' | 'election' | 'voting' | 'results' | 'night' | 'gameOver';

/** Where the game is: its day and phase, with the election step told apart from the ballot. */
export function spotOf(room: SimulatedRoom): { day: number; spot: Spot } {
  const view = readGameSnapshot(room.persisted());
  if (view.stage === 'pregame' || view.stage === 'gameOver') return { day: view.context.day, spot: view.stage };
  const spot = view.phase === 'voting' && view.voteStep === 'election' ? 'election' : view.phase!;
  return { day: view.context.day, spot };
}

export function advanceTo(room: SimulatedRoom, day: number, spot: Spot, maxSteps = 200): void {
  for (let i = 0; i < maxSteps; i++) {
    const at = spotOf(room);
    if (at.day === day && at.spot === spot) return;
    if (room.done) break;
    room.admin('admin.advance');
  }
  throw new Error(`Could not reach day ${day} ${spot}; the game is at ${JSON.stringify(spotOf(room))}.`);
}
