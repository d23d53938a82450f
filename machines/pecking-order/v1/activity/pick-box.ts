/**
 * The PLAYER_PICK child (`src: 'playerPick'`, id `activity`): one per day that has the activity,
 * invoked when the social phase opens. It keeps the secret picks, checks each against the rule, and
 * decides the payout when the day closes the activity. It has no clock: the day's chart tells it
 * when the activity closes, and sends who is in the game (see {@link PickContext}) with every event.
 */
import { assign, emit, setup } from 'xstate';
import type { RoomEffect } from '../../../machine-version';
import { decidePicks, type PickResult } from '../../rules';
import { refuseEffect } from '../refusals';
import { checkPick, withPick, type PickContext } from './picks';

export interface PickBoxInput {
  day: number;
}

export interface PickBoxContext {
  day: number;
  /** Secret until the activity is revealed: picker → latest pick. */
  picks: Record<string, string>;
  result: PickResult | null;
}

export type PickBoxEvent =
  | { type: 'activity.pick'; pickerId: string; target: string; pickContext: PickContext }
  | { type: 'activity.close'; pickContext: PickContext };

export interface PickBoxOutput {
  picks: Record<string, string>;
  result: PickResult;
}

export const pickBoxMachine = setup({
  types: {
    input: {} as PickBoxInput,
    context: {} as PickBoxContext,
    events: {} as PickBoxEvent,
    output: {} as PickBoxOutput,
    emitted: {} as RoomEffect,
  },
  guards: {
    pickRefused: ({ event }) => event.type === 'activity.pick' && checkPick(event.pickContext, event.pickerId, event.target) !== null,
  },
  actions: {
    refusePick: emit(({ event }) => {
      if (event.type !== 'activity.pick') throw new Error(`refusePick on ${event.type}`);
      return refuseEffect(event.pickerId, checkPick(event.pickContext, event.pickerId, event.target)!);
    }),
    recordPick: assign({
      picks: ({ context, event }) =>
        event.type === 'activity.pick' ? withPick(context.picks, event.pickerId, event.target) : context.picks,
    }),
    decide: assign({
      result: ({ context, event }) =>
        event.type === 'activity.close' ? decidePicks(event.pickContext.alive, context.picks) : context.result,
    }),
  },
}).createMachine({
  id: 'playerPick',
  context: ({ input }) => ({ day: input.day, picks: {}, result: null }),
  initial: 'picking',
  states: {
    picking: {
      on: {
        'activity.pick': [{ guard: 'pickRefused', actions: 'refusePick' }, { actions: 'recordPick' }],
        'activity.close': { target: 'decided', actions: 'decide' },
      },
    },
    decided: { type: 'final' },
  },
  output: ({ context }) => ({ picks: context.picks, result: context.result! }),
});
