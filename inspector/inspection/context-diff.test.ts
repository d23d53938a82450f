import { describe, expect, it } from 'vitest';
import { diffJson } from './context-diff';

describe('diffJson', () => {
  it('lists changed leaves by path', () => {
    expect(diffJson({ day: 0, cast: { p1: { silver: 50 } } }, { day: 1, cast: { p1: { silver: 45 } } })).toEqual([
      { path: 'day', kind: 'changed', before: 0, after: 1 },
      { path: 'cast.p1.silver', kind: 'changed', before: 50, after: 45 },
    ]);
  });

  it('lists an object that appears by its own leaves, and empty containers as themselves', () => {
    expect(diffJson({ history: [] }, { history: [{ out: 'p5', ranking: [], day: 1 }] })).toEqual([
      { path: 'history[0].out', kind: 'added', after: 'p5' },
      { path: 'history[0].ranking', kind: 'added', after: [] },
      { path: 'history[0].day', kind: 'added', after: 1 },
    ]);
  });

  it('lists removals, and quotes keys that are not identifiers', () => {
    expect(diffJson({ picks: { 'p-1': 'p2' }, a: 1 }, { picks: {}, a: 1 })).toEqual([{ path: 'picks.p-1', kind: 'removed', before: 'p2' }]);
    expect(diffJson({}, { 'two words': true })).toEqual([{ path: '["two words"]', kind: 'added', after: true }]);
  });

  it('finds nothing between equal values', () => {
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });
});
