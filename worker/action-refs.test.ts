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
  // The refs a player may have are held in memory after their first lookup: each of these fails
  // when that set misses a ref the table holds (a repeat would then be applied twice).
  it('answers a repeat whether the ref was remembered before or after the first lookup, after a wake, and not after a rollback', async () => {
    await call('refs-2', 'status'); // wakes the room
    await inRoom('refs-2', (_server, state) => {
      const storage = roomStorageOf(state.storage);
      const refs = new ActionRefs(storage);
      const t0 = 1_800_000_000_000;
      refs.remember('ana', 'before', { type: 'ack', seq: 1 }, t0);
      expect(refs.outcomeOf('ana', 'new', t0)).toBeUndefined();
      expect(refs.outcomeOf('ana', 'before', t0)).toEqual({ type: 'ack', seq: 1 });
      refs.remember('ana', 'after', { type: 'ack', seq: 2 }, t0);
      expect(refs.outcomeOf('ana', 'after', t0)).toEqual({ type: 'ack', seq: 2 });
      // A rolled-back action was not applied: its ref is not an answer.
      expect(() =>
        storage.transaction(() => {
          refs.remember('ana', 'undone', { type: 'ack', seq: 3 }, t0);
          throw new Error('persist failed');
        }),
      ).toThrow('persist failed');
      expect(refs.outcomeOf('ana', 'undone', t0)).toBeUndefined();
      // Across prunes (which forget what memory held) and a wake (a new instance), the table decides.
      for (let i = 0; i < 70; i++) refs.remember('ana', `r${i}`, { type: 'ack', seq: 10 + i }, t0 + i);
      expect(refs.outcomeOf('ana', 'r69', t0 + 70)).toEqual({ type: 'ack', seq: 79 });
      refs.remember('ana', 'last', { type: 'ack', seq: 99 }, t0 + 71);
      expect(refs.outcomeOf('ana', 'last', t0 + 71)).toEqual({ type: 'ack', seq: 99 });
      expect(new ActionRefs(storage).outcomeOf('ana', 'after', t0 + 71)).toEqual({ type: 'ack', seq: 2 });
    });
  });
});
