import { describe, expect, it } from 'vitest';
import { pickIssue, voteChoices, type PlanDay } from './plan-choices';

const plan: PlanDay[] = [
  { voteType: 'MAJORITY', playerPick: true },
  { voteType: 'SHIELD', playerPick: false },
  { voteType: 'SECOND_TO_LAST', playerPick: true },
  { voteType: 'FINALS', playerPick: false },
];
const issueOf = (index: number, players: number, voteType: string) =>
  voteChoices(plan, index, players).find((choice) => choice.voteType === voteType)!.issue;

describe('voteChoices', () => {
  it('rules out BUBBLE with 5 players, with the reason', () => {
    expect(issueOf(0, 5, 'BUBBLE')).toBe(
      "Day 1's BUBBLE vote needs 6 players alive at the start of the day; with 5 players, day 1 starts with 5.",
    );
    expect(issueOf(0, 6, 'BUBBLE')).toBeNull();
  });

  it('offers FINALS only on the last day, and only FINALS there', () => {
    expect(issueOf(0, 5, 'FINALS')).toContain('FINALS can only be the last day');
    expect(
      voteChoices(plan, 3, 5)
        .filter((choice) => choice.issue === null)
        .map((choice) => choice.voteType),
    ).toEqual(['FINALS']);
  });

  it('leaves the choices the plan can play open', () => {
    expect(issueOf(0, 5, 'MAJORITY')).toBeNull();
    expect(issueOf(2, 5, 'SECOND_TO_LAST')).toBeNull();
    expect(issueOf(2, 5, 'SHIELD')).toContain('needs 4');
  });
});

describe('pickIssue', () => {
  it('rules out an activity on the FINALS day, with the reason, and allows it on other days', () => {
    expect(pickIssue(plan, 3)).toContain('Day 4 is the FINALS: it has no activity');
    expect(pickIssue(plan, 0)).toBeNull();
  });
});
