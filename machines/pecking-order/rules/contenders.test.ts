import { describe, it, expect } from 'vitest';
import { aliveIds, isAlive } from './contenders';

const ctx = {
  alive: [
    { playerId: 'b', silver: 1 },
    { playerId: 'a', silver: 2 },
  ],
  eliminated: ['x'],
  seed: 's',
};

describe('contenders', () => {
  it('lists alive ids in the context order', () => {
    expect(aliveIds(ctx)).toEqual(['b', 'a']);
  });

  it('knows who is alive; the eliminated are not', () => {
    expect(isAlive(ctx, 'a')).toBe(true);
    expect(isAlive(ctx, 'x')).toBe(false);
  });
});
