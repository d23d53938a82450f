/**
 * How a phase ends. In a PRE_SCHEDULED game a phase waits for its named delay (`after`), which the
 * room turns into a durable timer; in an ADMIN game it waits for `admin.advance` and schedules
 * nothing. XState schedules an `after` timer whenever its state is entered, and a delay that is not
 * a number fires at once, so the choice cannot live in the delay: it is a state. Each phase starts
 * in `starting`, which moves at once to `scheduled` (holding the `after`) or to `heldForAdmin`
 * (holding nothing), so an ADMIN game never enters a state with a timer.
 *
 * `admin.advance` is accepted in both modes: the host may always move a phase on early.
 */
import { gameSetup, type GameStep } from './setup';

/** Where a phase goes when it ends: the first transition whose guard passes. */
export interface PhaseExit {
  target: string;
  guard?: 'nextDayIsFinale';
  reenter?: boolean;
  actions?: 'closeElection';
}

type Delay = 'pregameEnds' | 'morningEnds' | 'socialEnds' | 'electionEnds' | 'votingEnds' | 'resultsEnds' | 'nightEnds';

/** The substates that end a phase after `delay`, or hold it for the host. Spread into the phase's config. */
export function phaseClock(delay: Delay, exits: readonly PhaseExit[]) {
  return gameSetup.createStateConfig({
    initial: 'starting',
    states: {
      starting: {
        always: [{ guard: 'isAdminScheduled', target: 'heldForAdmin' }, { target: 'scheduled' }],
      },
      scheduled: { after: { [delay]: exits.map((exit) => ({ ...exit })) } },
      heldForAdmin: {},
    },
  });
}

/** The `admin.advance` transitions of a phase: its exits, journaled as the host's action. */
export function advancedByAdmin(from: GameStep | 'election', exits: readonly PhaseExit[]) {
  return exits.map(({ actions, ...exit }) => ({
    ...exit,
    actions: [...(actions ? [actions] : []), { type: 'journalAdvance' as const, params: { from } }],
  }));
}
