import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decidePrompt, PROMPT_NAMES, promptText, type PromptOption } from './rule';

const alive = ['p1', 'p2', 'p3', 'p4', 'p5'];

describe('decidePrompt', () => {
  it('pays the players of the less chosen option', () => {
    expect(decidePrompt(alive, { p1: 'A', p2: 'B', p3: 'B', p4: 'B' })).toEqual({ counts: { A: 1, B: 3 }, minority: 'A', earners: ['p1'] });
    expect(decidePrompt(alive, { p5: 'B', p1: 'A', p2: 'A', p3: 'B', p4: 'A' })).toEqual({
      counts: { A: 3, B: 2 },
      minority: 'B',
      earners: ['p3', 'p5'],
    });
  });

  it('has no minority on a tie, a unanimous answer, or no answer', () => {
    expect(decidePrompt(alive, { p1: 'A', p2: 'B' }).minority).toBeNull();
    expect(decidePrompt(alive, { p1: 'A', p2: 'A', p3: 'A' })).toEqual({ counts: { A: 3, B: 0 }, minority: null, earners: [] });
    expect(decidePrompt(alive, {})).toEqual({ counts: { A: 0, B: 0 }, minority: null, earners: [] });
  });

  it('ignores the answers of players not alive', () => {
    expect(decidePrompt(['p1', 'p2', 'p3'], { p1: 'A', p2: 'B', p3: 'B', p9: 'A' })).toEqual({
      counts: { A: 1, B: 2 },
      minority: 'A',
      earners: ['p1'],
    });
  });

  it('always: earners answered the minority, which strictly fewer chose, and every minority answerer earns', () => {
    const answers = fc.dictionary(fc.constantFrom(...alive), fc.constantFrom<PromptOption>('A', 'B'));
    fc.assert(
      fc.property(answers, (given) => {
        const { counts, minority, earners } = decidePrompt(alive, given);
        expect(counts.A + counts.B).toBe(Object.keys(given).length);
        if (minority === null) {
          expect(earners).toEqual([]);
          expect(counts.A === counts.B || counts.A === 0 || counts.B === 0).toBe(true);
        } else {
          const majority = minority === 'A' ? 'B' : 'A';
          expect(counts[minority]).toBeGreaterThan(0);
          expect(counts[minority]).toBeLessThan(counts[majority]);
          expect(earners).toEqual(alive.filter((id) => given[id] === minority));
        }
      }),
    );
  });
});

describe('promptText', () => {
  it('is the same for the same seed, and HOT_TAKE asks to agree or disagree', () => {
    for (const name of PROMPT_NAMES) expect(promptText(name, 's:day1')).toEqual(promptText(name, 's:day1'));
    expect(promptText('HOT_TAKE', 'x').options).toEqual({ A: 'Agree', B: 'Disagree' });
    expect(promptText('WOULD_YOU_RATHER', 'x').question).toBe('Would you rather…');
  });

  it('varies with the seed', () => {
    const texts = new Set(Array.from({ length: 30 }, (_, i) => JSON.stringify(promptText('WOULD_YOU_RATHER', `seed-${i}`))));
    expect(texts.size).toBeGreaterThan(1);
  });
});
