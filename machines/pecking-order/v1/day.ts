/**
 * A day of the game: parallel regions that open and close as the day's phases go by. The `phase`
 * region owns time (morning → social → voting → results → night); each phase it enters raises
 * `phase.<name>`, and the other regions follow:
 *
 * - `groupChat`: open from the morning, closed at night;
 * - `dms`: open from the social phase, closed at night;
 * - `transfers`: open all day;
 * - `activity`: PLAYER_PICK, if the day has it: the activity child (`activity`) collects picks during
 *   the social phase, decides when voting opens;
 * - `vote`: the vote child (`vote`) collects ballots while voting, decides at results.
 *
 * The finale is the same day without a night: its results lead to game over.
 */
import { advancedByAdmin, phaseClock, type PhaseExit } from './phase-clock';
import { gameSetup, refuseWith } from './setup';
import { todaysVoteType } from './cast';

export type DayKind = 'day' | 'finale';

export function dayState(kind: DayKind) {
  const at = (path: string) => `#game.${kind}.${path}`;
  const toSocial: PhaseExit[] = [{ target: at('phase.social') }];
  const toVoting: PhaseExit[] = [{ target: at('phase.voting') }];
  const toBallot: PhaseExit[] = [{ target: at('phase.voting.ballot'), actions: 'closeElection' }];
  const toResults: PhaseExit[] = [{ target: at('phase.results') }];
  const afterResults: PhaseExit[] = kind === 'finale' ? [{ target: '#game.gameOver' }] : [{ target: at('phase.night') }];
  const toNextDay: PhaseExit[] = [
    { guard: 'nextDayIsFinale', target: '#game.finale' },
    { target: '#game.day', reenter: true },
  ];

  const night = gameSetup.createStateConfig({
    entry: [{ type: 'announce', params: { step: 'night' } }, 'eliminateVotedOut', 'growGoldPool'],
    ...phaseClock('nightEnds', toNextDay),
    on: { 'admin.advance': advancedByAdmin('night', toNextDay) },
  });

  return gameSetup.createStateConfig({
    type: 'parallel',
    entry: 'startDay',
    states: {
      phase: {
        initial: 'morning',
        states: {
          morning: {
            entry: { type: 'announce', params: { step: 'morning' } },
            ...phaseClock('morningEnds', toSocial),
            on: { 'admin.advance': advancedByAdmin('morning', toSocial) },
          },
          social: {
            entry: { type: 'announce', params: { step: 'social' } },
            ...phaseClock('socialEnds', toVoting),
            on: { 'admin.advance': advancedByAdmin('social', toVoting) },
          },
          voting: {
            entry: { type: 'announce', params: { step: 'voting' } },
            initial: 'opening',
            states: {
              opening: { always: [{ guard: 'todayHoldsElection', target: 'election' }, { target: 'ballot' }] },
              election: {
                ...phaseClock('electionEnds', toBallot),
                on: { 'admin.advance': advancedByAdmin('election', toBallot) },
              },
              ballot: {
                ...phaseClock('votingEnds', toResults),
                on: { 'admin.advance': advancedByAdmin('voting', toResults) },
              },
            },
          },
          results: {
            entry: { type: 'announce', params: { step: 'results' } },
            ...phaseClock('resultsEnds', afterResults),
            on: { 'admin.advance': advancedByAdmin('results', afterResults) },
          },
          ...(kind === 'day' ? { night } : {}),
        },
      },

      groupChat: {
        initial: 'open',
        states: {
          open: {
            on: {
              'chat.post': [{ guard: 'chatRefused', actions: 'refuseChat' }, { actions: 'postChat' }],
              'chat.reply': [{ guard: 'replyRefused', actions: 'refuseReply' }, { actions: 'postReply' }],
              'chat.react': [{ guard: 'reactionRefused', actions: 'refuseReaction' }, { actions: 'react' }],
              'phase.night': 'closed',
            },
          },
          closed: {
            on: {
              'chat.post': { actions: refuseWith('CHAT_CLOSED') },
              'chat.reply': { actions: refuseWith('CHAT_CLOSED') },
              'chat.react': { actions: refuseWith('CHAT_CLOSED') },
            },
          },
        },
      },

      dms: {
        initial: 'waiting',
        states: {
          waiting: { on: { 'dm.send': { actions: refuseWith('DMS_CLOSED') }, 'phase.social': 'open' } },
          open: {
            on: {
              'dm.send': [{ guard: 'dmRefused', actions: 'refuseDm' }, { actions: 'sendDm' }],
              'phase.night': 'closed',
            },
          },
          closed: { on: { 'dm.send': { actions: refuseWith('DMS_CLOSED') } } },
        },
      },

      transfers: {
        initial: 'open',
        states: {
          open: {
            on: { 'silver.transfer': [{ guard: 'transferRefused', actions: 'refuseTransfer' }, { actions: 'transferSilver' }] },
          },
        },
      },

      activity: {
        initial: 'starting',
        states: {
          starting: { always: [{ guard: 'todayHasActivity', target: 'waiting' }, { target: 'none' }] },
          none: { on: { 'activity.pick': { actions: refuseWith('ACTIVITY_CLOSED', 'There is no activity today.') } } },
          waiting: {
            on: {
              'activity.pick': { actions: refuseWith('ACTIVITY_CLOSED', 'The activity opens in the social phase.') },
              'phase.social': 'picking',
            },
          },
          picking: {
            invoke: {
              id: 'activity',
              src: 'playerPick',
              input: ({ context }) => ({ day: context.day }),
              onDone: { target: 'revealed', actions: 'revealPicks' },
            },
            on: { 'activity.pick': { actions: 'forwardPick' }, 'phase.voting': { actions: 'closeActivity' } },
          },
          revealed: {
            on: { 'activity.pick': { actions: refuseWith('ACTIVITY_CLOSED', 'Today’s picks are already revealed.') } },
          },
        },
      },

      vote: {
        initial: 'waiting',
        states: {
          waiting: {
            on: {
              'vote.cast': { actions: refuseWith('VOTING_CLOSED', 'The vote opens this evening.') },
              'phase.voting': 'open',
            },
          },
          open: {
            invoke: {
              id: 'vote',
              src: 'vote',
              input: ({ context }) => ({ day: context.day, voteType: todaysVoteType(context)! }),
              onDone: { target: 'revealed', actions: 'revealVote' },
            },
            on: { 'vote.cast': { actions: 'forwardBallot' }, 'phase.results': { actions: 'closeVote' } },
          },
          revealed: {
            on: { 'vote.cast': { actions: refuseWith('VOTING_CLOSED', 'Today’s vote is closed and revealed.') } },
          },
        },
      },
    },
  });
}
