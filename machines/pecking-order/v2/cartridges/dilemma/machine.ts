/**
 * The dilemma child (`src: 'dilemma'`, id `dilemma`): SILVER_GAMBIT or SPOTLIGHT, one per day that
 * names one. It keeps the pledges or the names secret and decides at the close (see `rule.ts`).
 * The event of the other dilemma is refused (CARTRIDGE_CLOSED): the day has only one.
 */
import { assign, emit, setup } from 'xstate';
import type { RoomEffect } from '../../../../machine-version';
import { refusal, refuseEffect, type RefusalCode } from '../../refusals';
import type { CartridgeInput, CartridgeOutput, CloseEvent, ForwardedEvent } from '../types';
import { decideGambit, decideSpotlight, GAMBIT_STAKE, type DilemmaName, type GambitResult, type SpotlightResult } from './rule';

export interface DilemmaContext {
  day: number;
  name: DilemmaName;
  seed: string;
  /** SILVER_GAMBIT, secret until the close: who pledged, in pledge order. */
  pledges: string[];
  /** SPOTLIGHT, secret until the close: namer → named. */
  named: Record<string, string>;
  result: DilemmaResults | null;
}

export type DonateEvent = ForwardedEvent<{ type: 'dilemma.donate' }>;
export type SpotlightEvent = ForwardedEvent<{ type: 'dilemma.spotlight'; target: string }>;
export type DilemmaEvent = DonateEvent | SpotlightEvent | CloseEvent;

export type DilemmaResults = ({ name: 'SILVER_GAMBIT' } & GambitResult) | ({ name: 'SPOTLIGHT' } & SpotlightResult);
export type DilemmaOutput = CartridgeOutput<DilemmaName, DilemmaResults>;

const OTHER_DILEMMA: Record<DilemmaName, string> = {
  SILVER_GAMBIT: 'Today’s dilemma is the SILVER_GAMBIT: pledge silver, there is nobody to name.',
  SPOTLIGHT: 'Today’s dilemma is the SPOTLIGHT: name a player, there is no silver to pledge.',
};

/** Why the child refuses `event` now; null when it accepts it. */
export function dilemmaRefusal(
  context: DilemmaContext,
  event: DonateEvent | SpotlightEvent,
): { code: RefusalCode; message: string } | null {
  const alive = event.cartridgeContext.alive;
  const wanted: DilemmaName = event.type === 'dilemma.donate' ? 'SILVER_GAMBIT' : 'SPOTLIGHT';
  if (context.name !== wanted) return refusal('CARTRIDGE_CLOSED', OTHER_DILEMMA[context.name]);
  const me = alive.find((p) => p.playerId === event.senderId);
  if (!me) return refusal('NOT_ALIVE');
  if (event.type === 'dilemma.donate') {
    if (context.pledges.includes(event.senderId)) return refusal('ALREADY_DONATED');
    if (me.silver < GAMBIT_STAKE) return refusal('INSUFFICIENT_SILVER', `A pledge is ${GAMBIT_STAKE} silver; you have ${me.silver}.`);
    return null;
  }
  if (event.target === event.senderId || !alive.some((p) => p.playerId === event.target)) {
    return refusal('INVALID_TARGET', 'Name another player still in the game.');
  }
  return null;
}

function decided(context: DilemmaContext, event: CloseEvent): DilemmaResults {
  const alive = event.cartridgeContext.alive;
  return context.name === 'SILVER_GAMBIT'
    ? { name: 'SILVER_GAMBIT', ...decideGambit(alive, context.pledges, context.seed) }
    : {
        name: 'SPOTLIGHT',
        ...decideSpotlight(
          alive.map((p) => p.playerId),
          context.named,
        ),
      };
}

export const dilemmaMachine = setup({
  types: {
    input: {} as CartridgeInput<DilemmaName>,
    context: {} as DilemmaContext,
    events: {} as DilemmaEvent,
    output: {} as DilemmaOutput,
    emitted: {} as RoomEffect,
  },
  guards: {
    refused: ({ context, event }) => event.type !== 'cartridge.close' && dilemmaRefusal(context, event) !== null,
  },
  actions: {
    refuse: emit(({ context, event }) => {
      if (event.type === 'cartridge.close') throw new Error('refuse on cartridge.close');
      return refuseEffect(event.senderId, dilemmaRefusal(context, event)! as Parameters<typeof refuseEffect>[1]);
    }),
    record: assign(({ context, event }) => {
      if (event.type === 'dilemma.donate') return { pledges: [...context.pledges, event.senderId] };
      if (event.type === 'dilemma.spotlight') return { named: { ...context.named, [event.senderId]: event.target } };
      return {};
    }),
    decide: assign({ result: ({ context, event }) => (event.type === 'cartridge.close' ? decided(context, event) : context.result) }),
  },
}).createMachine({
  id: 'dilemma',
  context: ({ input }) => ({ day: input.day, name: input.name, seed: input.seed, pledges: [], named: {}, result: null }),
  initial: 'open',
  states: {
    open: {
      on: {
        'dilemma.donate': [{ guard: 'refused', actions: 'refuse' }, { actions: 'record' }],
        'dilemma.spotlight': [{ guard: 'refused', actions: 'refuse' }, { actions: 'record' }],
        'cartridge.close': { target: 'decided', actions: 'decide' },
      },
    },
    decided: { type: 'final' },
  },
  output: ({ context }) => ({ name: context.name, silver: context.result!.silver, results: context.result! }),
});
