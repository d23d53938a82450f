import { describe, expect, it } from 'vitest';
import type { PromptContext } from './machine';
import { promptView } from './view';

const child = (answers: PromptContext['answers']): PromptContext => ({
  day: 1,
  name: 'HOT_TAKE',
  prompt: { question: 'Q', options: { A: 'Agree', B: 'Disagree' } },
  answers,
  result: null,
});

describe('the prompt view', () => {
  it('shows a player their own answer and nothing of anyone else’s while open', () => {
    const view = promptView({ name: 'HOT_TAKE', child: child({ p1: 'A', p2: 'B' }), results: null, playerId: 'p1', alive: true });
    expect(view).toMatchObject({ open: true, myAnswer: 'A', canAnswer: true, results: null });
    expect(JSON.stringify(view)).not.toContain('p2');
  });

  it('is the same for everyone else whatever one player answered', () => {
    const a = promptView({ name: 'HOT_TAKE', child: child({ p1: 'A', p2: 'B' }), results: null, playerId: 'p3', alive: true });
    const b = promptView({ name: 'HOT_TAKE', child: child({ p1: 'B', p2: 'B' }), results: null, playerId: 'p3', alive: true });
    expect(a).toEqual(b);
  });

  it('lets only alive players answer', () => {
    expect(promptView({ name: 'HOT_TAKE', child: child({}), results: null, playerId: 'p9', alive: false }).canAnswer).toBe(false);
  });
});
