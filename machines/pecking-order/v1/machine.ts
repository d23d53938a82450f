/**
 * The game, `pecking-order@1`: pregame → day (1 … N−1) → finale (day N) → gameOver. Each day is
 * the parallel chart of `day.ts`; time moves only through the named `after` delays of each phase's
 * clock (see `phase-clock.ts`), or through the host's `admin.advance`.
 *
 * The host's other actions (eliminate, credit, host message, end game) are accepted in every state
 * but game over, so they sit on the root.
 */
import { advancedByAdmin, phaseClock, type PhaseExit } from './phase-clock';
import { initialContext } from './context';
import { dayState } from './day';
import { gameSetup, refuseWith } from './setup';

const toFirstDay: PhaseExit[] = [{ guard: 'nextDayIsFinale', target: '#game.finale' }, { target: '#game.day' }];

export const gameMachine = gameSetup.createMachine({
  id: 'game',
  context: ({ input }) => initialContext(input),
  initial: 'pregame',
  on: {
    'admin.eliminate': [{ guard: 'eliminationRefused', actions: 'refuseElimination' }, { actions: 'eliminateByAdmin' }],
    'admin.credit': [{ guard: 'creditRefused', actions: 'refuseCredit' }, { actions: 'creditByAdmin' }],
    'admin.hostMessage': [{ guard: 'hostMessageRefused', actions: 'refuseHostMessage' }, { actions: 'postHostMessage' }],
    'admin.endGame': { target: '.gameOver', actions: 'endGameByAdmin' },
  },
  states: {
    pregame: {
      entry: { type: 'announce', params: { step: 'pregame' } },
      ...phaseClock('pregameEnds', toFirstDay),
      on: {
        'admin.advance': advancedByAdmin('pregame', toFirstDay),
        'chat.post': [{ guard: 'chatRefused', actions: 'refuseChat' }, { actions: 'postChat' }],
        'chat.reply': [{ guard: 'replyRefused', actions: 'refuseReply' }, { actions: 'postReply' }],
        'chat.react': [{ guard: 'reactionRefused', actions: 'refuseReaction' }, { actions: 'react' }],
        'dm.send': { actions: refuseWith('DMS_CLOSED', 'DMs open on day 1.') },
        'silver.transfer': { actions: refuseWith('TRANSFERS_CLOSED', 'Silver moves from day 1.') },
        'activity.pick': { actions: refuseWith('ACTIVITY_CLOSED', 'Activities start on day 1.') },
        'vote.cast': { actions: refuseWith('VOTING_CLOSED', 'The first vote is on day 1.') },
      },
    },
    day: dayState('day'),
    finale: dayState('finale'),
    gameOver: { type: 'final', entry: 'closeGame' },
  },
  output: ({ context }) => ({ winner: context.winner, ending: context.ending }),
});
