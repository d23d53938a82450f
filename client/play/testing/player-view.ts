/** A hand-made player view for the client's pure tests: four players, day 1 morning, p1 watching. */
import type { DayResult } from '../../../machines/pecking-order/v1/context';
import type { PlayerView, VoteView } from '../../../machines/pecking-order/v1/projection';

export function playerView(overrides: Partial<PlayerView> = {}): PlayerView {
  const silver: Record<string, number> = { p1: 50, p2: 60, p3: 40, p4: 30 };
  return {
    playerId: 'p1',
    me: { alive: true, silver: 50, gold: 0, juror: false },
    cast: Object.entries(silver).map(([playerId, amount]) => ({
      playerId,
      name: `Player ${playerId.slice(1)}`,
      bio: null,
      avatarUrl: null,
      alive: true,
      silver: amount,
      gold: 0,
    })),
    day: 1,
    dayCount: 3,
    theme: null,
    phase: 'morning',
    phaseEndsAt: null,
    scheduling: 'ADMIN',
    open: { groupChat: true, dms: false, transfers: true },
    dms: { conversationsLeft: 3, charsLeft: 1_200, costPerMessage: 1, conversationsWith: [] },
    activity: null,
    vote: null,
    goldPool: 0,
    history: [],
    eliminated: [],
    winner: null,
    ending: null,
    ...overrides,
  };
}

/** An open vote of `type` with nobody voted yet. */
export function openVote(type: VoteView['type'], overrides: Partial<VoteView> = {}): VoteView {
  return {
    type,
    summary: '',
    open: true,
    step: 'ballot',
    voted: [],
    myBallot: null,
    executioner: null,
    targets: {},
    result: null,
    ballots: null,
    ...overrides,
  };
}

/** A day's result with only the fields the standings read. */
export function dayResult(fields: Partial<DayResult> & Pick<DayResult, 'day' | 'type'>): DayResult {
  return {
    out: null,
    winner: null,
    ranking: [],
    immune: [],
    executioner: null,
    tallies: {},
    reason: 'MOST_VOTES',
    explanation: '',
    ...fields,
  };
}
