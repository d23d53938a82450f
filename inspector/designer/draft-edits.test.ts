import { describe, expect, it } from 'vitest';
import type { ChartNode } from '../../machines/chart/chart';
import { applyEdit, transitionsOf, type DraftEdit } from './draft-edits';
import { draftHistory, startHistory } from './draft-history';

/** A small game-like chart: a parallel day with a phase clock, a finale, and targets in every form. */
const chart = (): ChartNode => ({
  id: 'game',
  initial: 'pregame',
  on: { 'admin.endGame': { target: '.over', actions: 'endGame' } },
  states: {
    pregame: { after: { pregameEnds: '#game.day' }, on: { 'admin.advance': [{ guard: 'nextIsFinale', target: 'finale' }, 'day'] } },
    day: {
      type: 'parallel',
      states: {
        phase: {
          initial: 'morning',
          states: { morning: { on: { 'admin.advance': 'social' } }, social: { after: { 5000: '#game.day.phase.morning' } } },
        },
        chat: {},
      },
    },
    finale: { on: { 'admin.advance': '#game.over' } },
    over: { type: 'final' },
  },
});

const ok = (c: ChartNode, edit: DraftEdit): ChartNode => {
  const result = applyEdit(c, edit);
  if (!result.ok) throw new Error(`${result.refusal.code}: ${result.refusal.message}`);
  return result.chart;
};
const refusal = (c: ChartNode, edit: DraftEdit) => {
  const result = applyEdit(c, edit);
  return result.ok ? null : result.refusal.code;
};

describe('draft edits', () => {
  it('never modifies the chart it is given', () => {
    const before = chart();
    const frozen = JSON.stringify(before);
    ok(before, { type: 'state.add', parent: ['day', 'phase'], key: 'evening' });
    ok(before, { type: 'state.rename', state: ['day'], key: 'dawn' });
    ok(before, { type: 'transition.delete', ref: { state: ['pregame'], trigger: { kind: 'on', event: 'admin.advance' }, index: 0 } });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('adds nested and parallel states; a state that gets its first child starts in it', () => {
    let c = ok(chart(), { type: 'state.add', parent: ['finale'], key: 'jury', stateType: 'parallel' });
    expect(c.states!.finale).toMatchObject({ initial: 'jury', states: { jury: { type: 'parallel' } } });
    c = ok(c, { type: 'state.add', parent: ['finale', 'jury'], key: 'ballots' });
    expect(c.states!.finale!.states!.jury!.initial).toBeUndefined(); // a parallel state enters every region
    expect(refusal(c, { type: 'state.add', parent: ['finale'], key: 'jury' })).toBe('KEY_TAKEN');
    expect(refusal(c, { type: 'state.add', parent: ['finale'], key: 'a.b' })).toBe('BAD_KEY');
    expect(refusal(c, { type: 'state.add', parent: ['nowhere'], key: 'x' })).toBe('NO_SUCH_STATE');
  });

  it('renames a state and every target that named it, in the form each was written', () => {
    const c = ok(chart(), { type: 'state.rename', state: ['day'], key: 'dawn' });
    expect(Object.keys(c.states!)).toEqual(['pregame', 'dawn', 'finale', 'over']); // its place kept
    expect(c.states!.pregame!.after).toEqual({ pregameEnds: '#game.dawn' });
    expect(c.states!.pregame!.on!['admin.advance']).toEqual([{ guard: 'nextIsFinale', target: 'finale' }, 'dawn']);
    expect(c.states!.dawn!.states!.phase!.states!.social!.after).toEqual({ 5000: '#game.dawn.phase.morning' });
    const m = ok(chart(), { type: 'state.rename', state: ['day', 'phase', 'morning'], key: 'sunrise' });
    expect(m.states!.day!.states!.phase!.initial).toBe('sunrise');
    expect(m.states!.day!.states!.phase!.states!.social!.after).toEqual({ 5000: '#game.day.phase.sunrise' });
    expect(refusal(chart(), { type: 'state.rename', state: ['day'], key: 'finale' })).toBe('KEY_TAKEN');
    expect(refusal(chart(), { type: 'state.rename', state: [], key: 'x' })).toBe('ROOT_IS_FIXED');
  });

  it('moves a state under another parent and keeps every target reaching it', () => {
    const c = ok(chart(), { type: 'state.move', state: ['finale'], parent: ['day', 'phase'] });
    expect(c.states!.finale).toBeUndefined();
    // The sibling target from pregame no longer reaches it by key: it is rewritten by the root id.
    expect(c.states!.pregame!.on!['admin.advance']).toEqual([{ guard: 'nextIsFinale', target: '#game.day.phase.finale' }, 'day']);
    // Its own transitions still lead where they led.
    expect(c.states!.day!.states!.phase!.states!.finale!.on).toEqual({ 'admin.advance': '#game.over' });
    expect(refusal(chart(), { type: 'state.move', state: ['day'], parent: ['day', 'phase'] })).toBe('MOVE_INTO_ITSELF');
  });

  it('deletes a state, picks another initial state, and leaves targets into it for checkChart', () => {
    const c = ok(chart(), { type: 'state.delete', state: ['day', 'phase', 'morning'] });
    expect(c.states!.day!.states!.phase).toMatchObject({ initial: 'social' });
    expect(c.states!.day!.states!.phase!.states!.social!.after).toEqual({ 5000: '#game.day.phase.morning' });
  });

  it('sets types and initial states', () => {
    expect(ok(chart(), { type: 'state.initial', state: [], initial: 'finale' }).initial).toBe('finale');
    expect(refusal(chart(), { type: 'state.initial', state: [], initial: 'nope' })).toBe('NOT_A_CHILD');
    const p = ok(chart(), { type: 'state.type', state: ['day', 'phase'], stateType: 'parallel' });
    expect(p.states!.day!.states!.phase).toMatchObject({ type: 'parallel' });
    expect(p.states!.day!.states!.phase!.initial).toBeUndefined();
    expect(refusal(chart(), { type: 'state.type', state: ['day'], stateType: 'final' })).toBe('BAD_KEY');
  });

  it('adds, retargets, re-triggers, guards, gives actions to and deletes transitions', () => {
    const at = (c: ChartNode, keys: string[]) => transitionsOf(c, keys);
    let c = ok(chart(), { type: 'transition.add', state: ['finale'], trigger: { kind: 'after', delay: 'finaleEnds' }, target: 'over' });
    expect(c.states!.finale!.after).toEqual({ finaleEnds: 'over' });
    const ref = { state: ['pregame'], trigger: { kind: 'on', event: 'admin.advance' }, index: 1 } as const;
    c = ok(c, { type: 'transition.retarget', ref, target: 'finale' });
    expect(c.states!.pregame!.on!['admin.advance']).toEqual([{ guard: 'nextIsFinale', target: 'finale' }, { target: 'finale' }]);
    c = ok(c, { type: 'transition.guard', ref, guard: 'everyoneVoted' });
    c = ok(c, { type: 'transition.actions', ref, actions: ['announce'] });
    expect(at(c, ['pregame']).find((t) => t.ref.index === 1)!.transition).toEqual({
      target: 'finale',
      guard: 'everyoneVoted',
      actions: ['announce'],
    });
    c = ok(c, { type: 'transition.trigger', ref, trigger: { kind: 'after', delay: 3000 } });
    expect(c.states!.pregame!.after).toEqual({
      pregameEnds: '#game.day',
      3000: { target: 'finale', guard: 'everyoneVoted', actions: ['announce'] },
    });
    expect(c.states!.pregame!.on!['admin.advance']).toEqual({ guard: 'nextIsFinale', target: 'finale' });
    c = ok(c, { type: 'transition.delete', ref: { state: ['pregame'], trigger: { kind: 'on', event: 'admin.advance' }, index: 0 } });
    expect(c.states!.pregame!.on).toBeUndefined();
    expect(refusal(c, { type: 'transition.delete', ref })).toBe('NO_SUCH_TRANSITION');
    expect(refusal(c, { type: 'transition.add', state: [], trigger: { kind: 'after', delay: -5 } })).toBe('BAD_DELAY');
    expect(refusal(c, { type: 'transition.add', state: [], trigger: { kind: 'on', event: ' ' } })).toBe('BAD_EVENT');
  });

  it('keeps actions with parameters as written when they stay picked', () => {
    const c: ChartNode = {
      id: 'm',
      initial: 'a',
      states: { a: { on: { go: { actions: [{ type: 'refuseWith', params: { code: 'X' } }] } } } },
    };
    const ref = { state: ['a'], trigger: { kind: 'on', event: 'go' }, index: 0 } as const;
    expect(ok(c, { type: 'transition.actions', ref, actions: ['refuseWith', 'log'] }).states!.a!.on!.go).toEqual({
      actions: [{ type: 'refuseWith', params: { code: 'X' } }, 'log'],
    });
  });
});

describe('undo and redo', () => {
  it('undoes and redoes edits in order; a new edit drops what was undone; a refusal changes nothing', () => {
    let h = startHistory(chart());
    h = draftHistory(h, { type: 'edit', edit: { type: 'state.add', parent: [], key: 'epilogue' } });
    h = draftHistory(h, { type: 'edit', edit: { type: 'state.rename', state: ['epilogue'], key: 'credits' } });
    expect(Object.keys(h.present.states!)).toContain('credits');
    h = draftHistory(h, { type: 'undo' });
    expect(Object.keys(h.present.states!)).toContain('epilogue');
    h = draftHistory(h, { type: 'redo' });
    expect(Object.keys(h.present.states!)).toContain('credits');
    h = draftHistory(h, { type: 'undo' });
    h = draftHistory(h, { type: 'undo' });
    expect(h.present).toEqual(chart());
    expect(draftHistory(h, { type: 'undo' })).toBe(h);
    h = draftHistory(h, { type: 'redo' });
    h = draftHistory(h, { type: 'edit', edit: { type: 'state.delete', state: ['finale'] } });
    expect(h.future).toEqual([]);
    const refused = draftHistory(h, { type: 'edit', edit: { type: 'state.delete', state: ['finale'] } });
    expect(refused.present).toBe(h.present);
    expect(refused.refusal?.code).toBe('NO_SUCH_STATE');
  });
});
