import { describe, expect, it } from 'vitest';
import { notices } from './notices';

// Only what snapshot-reader.ts reads: the state value and the day.
const at = (day: number, value: unknown) => ({ status: 'active', value, context: { day }, children: {} });
const phase = (day: number, name: string) => at(day, { day: { phase: name, dms: 'closed' } });

describe('pecking-order@1 push notices', () => {
  it('pushes each phase as it opens, to everyone, on the Today screen', () => {
    expect(notices(phase(1, 'morning'), phase(1, 'social'))).toEqual([
      { key: 'd1:social', to: null, title: 'Day 1: DMs are open', body: 'Make your deals before the vote.', screen: 'today' },
    ]);
    expect(notices(phase(1, 'social'), phase(1, 'voting'))[0]!.title).toBe('Day 1: The vote is open');
    expect(notices(phase(1, 'night'), phase(2, 'morning'))[0]!.key).toBe('d2:morning');
  });

  it('pushes nothing for a step that stays in its phase, nor in pregame', () => {
    expect(notices(phase(1, 'voting'), phase(1, 'voting'))).toEqual([]);
    expect(notices(undefined, at(0, 'pregame'))).toEqual([]);
  });

  it('pushes the game over once, without naming the winner', () => {
    const [over] = notices(phase(3, 'voting'), at(3, 'gameOver'));
    expect(over).toMatchObject({ key: 'game-over', to: null, title: 'Game over' });
    expect(notices(at(3, 'gameOver'), at(3, 'gameOver'))).toEqual([]);
  });

  it('pushes nothing for a snapshot it cannot read', () => {
    expect(notices(phase(1, 'morning'), { nonsense: true })).toEqual([]);
  });
});
