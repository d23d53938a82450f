import { describe, expect, it } from 'vitest';
import { checkNudge } from './rule';

describe('checkNudge', () => {
  const ok = { alive: ['p1', 'p2', 'p3'], players: ['p1', 'p2', 'p3', 'p4'], from: 'p1', to: 'p2', nudged: [] };
  it('lets an alive player nudge another', () => expect(checkNudge(ok)).toBeNull());
  it('allows the other direction and other targets after a nudge', () => {
    expect(checkNudge({ ...ok, nudged: ['p3'] })).toBeNull();
  });
  it.each([
    [{ from: 'p4' }, 'NOT_ALIVE'],
    [{ to: 'zz' }, 'INVALID_TARGET'],
    [{ to: 'p1' }, 'INVALID_TARGET'],
    [{ to: 'p4' }, 'INVALID_TARGET'],
    [{ nudged: ['p2'] }, 'ALREADY_NUDGED'],
  ])('refuses %o with %s', (change, code) => expect(checkNudge({ ...ok, ...change })?.code).toBe(code));
});
