/**
 * The day region of one cartridge slot, the same for every cartridge (cartridges/index.ts):
 *
 * - `starting` → `none` when today's plan names no cartridge for the slot, else `waiting`;
 * - `waiting` until the cartridge's opening phase, `open` (the child, id = slot, collects the
 *   players' events; the day forwards them with the facts of now and tells it to close when the
 *   closing phase starts), `revealed` once it decided (its silver moved, its results kept).
 *
 * Every state but `open` refuses the slot's events with CARTRIDGE_CLOSED, saying why.
 */
import type { Cartridge } from './cartridges';
import type { GameContext } from './context';
import { cartridgeInputOf, refuseWith } from './setup';

/** One input function per slot (the chart binds one input per child src, compared by its text). */
const inputs = new Map<string, (args: { context: GameContext }) => unknown>();
function inputOf(slot: string) {
  let input = inputs.get(slot);
  if (!input) {
    input = ({ context }) => cartridgeInputOf(context, slot);
    inputs.set(slot, input);
  }
  return input;
}

export function cartridgeRegion(cartridge: Cartridge) {
  const { slot, opensAt, closesAt } = cartridge;
  const eventTypes = Object.keys(cartridge.events);
  const refuseAll = (message: string) =>
    Object.fromEntries(eventTypes.map((type) => [type, { actions: refuseWith('CARTRIDGE_CLOSED', message) }]));
  return {
    initial: 'starting',
    states: {
      starting: {
        always: [{ guard: { type: 'todayHasCartridge', params: { slot } }, target: 'waiting' }, { target: 'none' }],
      },
      none: { on: refuseAll(`There is no ${slot} today.`) },
      waiting: { on: { ...refuseAll(`Today’s ${slot} opens in the ${opensAt} phase.`), [`phase.${opensAt}`]: 'open' } },
      open: {
        invoke: {
          id: slot,
          src: slot,
          input: inputOf(slot),
          onDone: { target: 'revealed', actions: { type: 'applyCartridge', params: { slot } } },
        },
        on: {
          ...Object.fromEntries(eventTypes.map((type) => [type, { actions: { type: 'forwardToCartridge', params: { slot } } }])),
          [`phase.${closesAt}`]: { actions: { type: 'closeCartridge', params: { slot } } },
        },
      },
      revealed: { on: refuseAll(`Today’s ${slot} is closed; see its results.`) },
    },
  };
}
