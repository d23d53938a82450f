import { describe, expect, it } from 'vitest';
import type { ConfessionsContext } from './machine';
import { confessionsView } from './view';

const base: ConfessionsContext = { day: 1, name: 'CONFESSIONS', handles: {}, posted: {}, count: 1 };
const view = (child: ConfessionsContext | null, playerId: string) =>
  confessionsView({ name: 'CONFESSIONS', child, results: child ? null : { confessions: 1 }, playerId, alive: true });

describe('the confession booth’s view', () => {
  it('gives everyone else the same view whoever posted: only the author sees their handle', () => {
    const byP1: ConfessionsContext = { ...base, handles: { p1: 'Violet Heron' }, posted: { p1: 1 } };
    const byP2: ConfessionsContext = { ...base, handles: { p2: 'Violet Heron' }, posted: { p2: 1 } };
    expect(view(byP1, 'p3')).toEqual(view(byP2, 'p3'));
    expect(view(byP1, 'p2')).toEqual(view(byP2, 'p1'));
    expect(view(byP1, 'p1')).toMatchObject({ myHandle: 'Violet Heron', left: 2 });
    expect(JSON.stringify(view(byP1, 'p3'))).not.toContain('Violet Heron');
  });

  it('after the close: the count, no handle, nothing to post', () => {
    expect(view(null, 'p1')).toMatchObject({ open: false, canPost: false, myHandle: null, count: 1, results: { confessions: 1 } });
  });
});
