import { describe, it, expect } from 'vitest';
import { MUTUAL_BONUS, PICK_REWARD, canPick, decidePicks } from './player-pick';

const alive = ['a', 'b', 'c', 'd', 'e'];

describe('PLAYER_PICK', () => {
  it('pays 5 silver per pick and 10 more to each side of a mutual pick', () => {
    expect(PICK_REWARD).toBe(5);
    expect(MUTUAL_BONUS).toBe(10);
    expect(decidePicks(alive, { a: 'b', b: 'a', c: 'a', d: 'e' })).toEqual({
      rewards: { a: 15, b: 15, c: 5, d: 5 },
      mutualPairs: [['a', 'b']],
    });
  });

  it('lists each mutual pair once, in alive order', () => {
    expect(decidePicks(alive, { e: 'd', d: 'e', b: 'c', c: 'b' }).mutualPairs).toEqual([
      ['b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('ignores self-picks and picks by or of players who are not alive', () => {
    expect(decidePicks(alive, { a: 'a', x: 'b', b: 'x', c: 'd' })).toEqual({
      rewards: { c: 5 },
      mutualPairs: [],
    });
    // x picked b and b picked x: not mutual, because x is not alive.
    expect(decidePicks(alive, { x: 'b', b: 'x' })).toEqual({ rewards: {}, mutualPairs: [] });
  });

  it('pays nothing when nobody picked', () => {
    expect(decidePicks(alive, {})).toEqual({ rewards: {}, mutualPairs: [] });
  });

  it('knows who may pick whom', () => {
    expect(canPick(alive, 'a', 'b')).toBe(true);
    expect(canPick(alive, 'a', 'a')).toBe(false);
    expect(canPick(alive, 'x', 'a')).toBe(false);
    expect(canPick(alive, 'a', 'x')).toBe(false);
  });
});
