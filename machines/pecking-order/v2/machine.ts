/**
 * The game, `pecking-order@2`: @1's chart (v1/machine.ts) with the cartridge regions in each day
 * (day.ts); cartridges' events are refused in pregame.
 */
import { initialContext } from './context';
import { dayState } from './day';
import { CARTRIDGES } from './cartridges';
import { gameSetup, refuseWith } from './setup';
import { gameMachine as v1GameMachine } from '../v1/machine';

const v1 = v1GameMachine.config as { on: Record<string, unknown>; states: Record<string, any> };

const cartridgeEvents = CARTRIDGES.flatMap((c) => Object.keys(c.events));

export const gameMachine = gameSetup.createMachine({
  id: 'game',
  context: ({ input }) => initialContext(input),
  initial: 'pregame',
  on: v1.on as any,
  states: {
    pregame: {
      ...v1.states.pregame,
      on: {
        ...v1.states.pregame.on,
        ...Object.fromEntries(
          cartridgeEvents.map((type) => [type, { actions: refuseWith('CARTRIDGE_CLOSED', 'Cartridges start on day 1.') }]),
        ),
      },
    },
    day: dayState('day') as any,
    finale: dayState('finale') as any,
    gameOver: v1.states.gameOver,
  },
  output: ({ context }) => ({ winner: context.winner, ending: context.ending }),
});
