import { describe, expect, it } from 'vitest';
import { TimerTable, type DurableTimer } from './timer-table';

const timer = (timerId: string, dueAt: number, actorPath = 'root'): DurableTimer => ({
  actorPath,
  timerId,
  targetPath: actorPath,
  event: { type: `tick.${timerId}` },
  dueAt,
});

const ids = (table: TimerTable) => table.views().map((v) => v.timerId);

describe('TimerTable', () => {
  it('orders its views by due time, ties in scheduling order', () => {
    const table = new TimerTable([timer('b', 20), timer('a', 10), timer('c', 20)]);
    expect(ids(table)).toEqual(['a', 'b', 'c']);
    expect(table.firstDue(10)?.timerId).toBe('a');
    expect(table.firstDue(9)).toBeUndefined();
  });

  // Views and the earliest-first order are kept between reads: every change must drop them.
  it('reads every change in its views and its due timers', () => {
    const table = new TimerTable([timer('a', 10), timer('b', 20)]);
    expect(ids(table)).toEqual(['a', 'b']);
    table.schedule(timer('c', 5));
    expect(ids(table)).toEqual(['c', 'a', 'b']);
    expect(table.firstDue(5)?.timerId).toBe('c');
    table.schedule(timer('c', 30));
    expect(ids(table)).toEqual(['a', 'b', 'c']);
    table.cancel('root', 'a');
    expect(ids(table)).toEqual(['b', 'c']);
    expect(table.firstDue(25)?.timerId).toBe('b');
    expect(table.removeWhere((t) => t.timerId === 'b').map((t) => t.timerId)).toEqual(['b']);
    expect(ids(table)).toEqual(['c']);
    expect(table.list().map((t) => t.timerId)).toEqual(['c']);
  });

  it('hands out one frozen list of views until it changes', () => {
    const table = new TimerTable([timer('a', 10)]);
    const views = table.views();
    expect(table.views()).toBe(views);
    expect(Object.isFrozen(views) && Object.isFrozen(views[0])).toBe(true);
    table.cancel('root', 'missing');
    expect(table.views()).toBe(views);
    table.schedule(timer('b', 5));
    expect(table.views()).not.toBe(views);
  });

  it('changes a clone independently of its original', () => {
    const original = new TimerTable([timer('a', 10), timer('b', 20)]);
    expect(ids(original)).toEqual(['a', 'b']);
    const copy = original.clone();
    copy.cancel('root', 'a');
    copy.schedule(timer('c', 1));
    expect(ids(copy)).toEqual(['c', 'b']);
    expect(ids(original)).toEqual(['a', 'b']);
    expect(copy.diffFrom(original)).toEqual({ added: [timer('c', 1)], removed: [timer('a', 10)] });
    // And the other way round: the original changed after the clone was made, the clone as it was.
    const later = original.clone();
    original.schedule(timer('d', 2));
    original.removeWhere((t) => t.timerId === 'b');
    expect(ids(original)).toEqual(['d', 'a']);
    expect(ids(later)).toEqual(['a', 'b']);
    expect(later.stored().map((t) => t.timerId)).toEqual(['a', 'b']);
    expect(original.storedList().map((t) => t.timerId)).toEqual(['a', 'd']);
    expect(later.diffFrom(later.clone())).toEqual({ added: [], removed: [] });
  });
});
