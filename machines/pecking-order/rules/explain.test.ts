import { describe, it, expect } from 'vitest';
import { counted, listPlayers } from './explain';

describe('listPlayers', () => {
  it('joins names the way a sentence does', () => {
    expect(listPlayers([])).toBe('nobody');
    expect(listPlayers(['a'])).toBe('a');
    expect(listPlayers(['a', 'b'])).toBe('a and b');
    expect(listPlayers(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('counted', () => {
  it('pluralises all but one', () => {
    expect(counted(0, 'save')).toBe('0 saves');
    expect(counted(1, 'vote')).toBe('1 vote');
    expect(counted(3, 'jury vote')).toBe('3 jury votes');
  });
});
