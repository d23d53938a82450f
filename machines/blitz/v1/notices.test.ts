import { describe, expect, it } from 'vitest';
import { SimulatedRoom } from '../../../engine/testing/simulated-room';
import { makeBlitzInit } from '../testing/fixtures';
import { blitzV1 } from './index';
import { blitzNotices } from './notices';

/** Every notice of a host-advanced game of five, step by step. */
function noticesOfAGame() {
  const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5, { scheduling: 'ADMIN' }) });
  const pushed: string[] = [];
  while (!room.done) {
    const before = room.persisted();
    room.admin('admin.advance');
    for (const notice of blitzNotices(before, room.persisted())) pushed.push(`${notice.key} ${notice.title}`);
  }
  return pushed;
}

describe('blitz@1 push notices', () => {
  it('pushes each vote as it opens, the final, and the game over, nothing else', () => {
    expect(noticesOfAGame()).toEqual([
      'r1:voting Round 1: the vote is open',
      'r2:voting Round 2: the vote is open',
      'r3:voting Round 3: the vote is open',
      'final The final',
      'r4:voting The final: the jury votes',
      'game-over Game over',
    ]);
  });

  it('pushes nothing for a snapshot it cannot read, nor for the first', () => {
    const room = new SimulatedRoom({ version: blitzV1, init: makeBlitzInit(5) });
    expect(blitzNotices(undefined, room.persisted())).toEqual([]);
    expect(blitzNotices(room.persisted(), { nonsense: true })).toEqual([]);
  });
});
