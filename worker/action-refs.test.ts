import { describe, expect, it } from 'vitest';
import { ActionRefs, REF_WINDOW_MS, REFS_PER_PLAYER } from './action-refs';
import { roomStorageOf } from './room-storage';
import { call, inRoom } from './test/helpers';

describe('remembered action outcomes', () => {
  it(`keep at least a player's last ${REFS_PER_PLAYER} refs within ${REF_WINDOW_MS / 3_600_000} h, and forget older ones`, async () => {
    await call('refs-1', 'status'); // wakes the room
    await inRoom('refs-1', (_server, state) => {
      const refs = new ActionRefs(roomStorageOf(state.storage));
      const t0 = 1_800_000_000_000;
      refs.remember('ben', 'old', { type: 'ack', seq: 1 }, t0);
      for (let i = 0; i < REFS_PER_PLAYER + 100; i++) refs.remember('ana', `r${i}`, { type: 'ack', seq: i }, t0 + i);
      const now = t0 + REFS_PER_PLAYER + 100;
      // The newest are all there; the oldest went with a prune.
      for (let i = 100; i < REFS_PER_PLAYER + 100; i++)
        expect(refs.outcomeOf('ana', `r${i}`, now), `r${i}`).toEqual({ type: 'ack', seq: i });
      expect(refs.outcomeOf('ana', 'r0', now)).toBeUndefined();
      // Another player's refs are not counted against ana's; past the window they are not answered, then forgotten.
      expect(refs.outcomeOf('ben', 'old', now)).toEqual({ type: 'ack', seq: 1 });
      expect(refs.outcomeOf('ben', 'old', t0 + REF_WINDOW_MS + 1)).toBeUndefined();
      const later = t0 + REF_WINDOW_MS + 10;
      for (let i = 0; i < 64; i++) refs.remember('cy', `c${i}`, { type: 'ack', seq: i }, later);
      const left = state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM action_refs WHERE player_id = 'ben'").one().n;
      expect(left).toBe(0);
    });
  });
});
