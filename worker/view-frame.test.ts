/**
 * How a changed view travels (player-sockets.ts `viewFrame`): whole when there is no patch, the
 * patch when it is under half the player's last whole view (without serialising the whole), and
 * otherwise whichever of the two is shorter.
 */
import { describe, expect, it } from 'vitest';
import type { ViewChange } from '../engine/host';
import { viewFrame } from './player-sockets';

/** A view that cannot be serialised: a frame built from it proves the whole view was written. */
const unserialisable = {
  get cast(): never {
    throw new Error('the whole view was serialised');
  },
};

const ops = [{ op: 'replace' as const, path: '/me/silver', value: 40 }];

describe('viewFrame', () => {
  it('sends the whole view when there is no patch, spliced from the host’s serialisation when it has one', () => {
    expect(JSON.parse(viewFrame(7, { view: { a: 1 } }))).toEqual({ type: 'view', seq: 7, view: { a: 1 } });
    expect(viewFrame(7, { view: unserialisable, json: '{"a":2}' })).toBe('{"type":"view","seq":7,"view":{"a":2}}');
  });

  it('sends a patch under half the last whole view without serialising the whole', () => {
    const change: ViewChange = { view: unserialisable, wholeBytes: 5_000, patch: { since: 6, ops } };
    expect(JSON.parse(viewFrame(7, change))).toEqual({ type: 'patch', seq: 7, base: 6, ops });
  });

  it('compares with the whole when the patch is not clearly smaller, and sends the shorter', () => {
    const small = { me: { silver: 40 } };
    // The whole of a small view is shorter than its patch.
    expect(JSON.parse(viewFrame(7, { view: small, wholeBytes: 60, patch: { since: 6, ops } }))).toEqual({
      type: 'view',
      seq: 7,
      view: small,
    });
    // No length known (the first change after a restore): compared too.
    expect(JSON.parse(viewFrame(7, { view: small, patch: { since: 6, ops } })).type).toBe('view');
    const large = { me: { silver: 40 }, cast: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, name: `Player ${i}` })) };
    expect(JSON.parse(viewFrame(7, { view: large, wholeBytes: 200, patch: { since: 6, ops } })).type).toBe('patch');
  });
});
