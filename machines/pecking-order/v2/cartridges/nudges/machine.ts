/**
 * The nudges child (`src: 'nudges'`, id `nudges`): open from morning to night on a day that names
 * NUDGES. It records who nudged whom today, in order: the pair rule reads it, the target's view
 * shows who nudged them, and the version's notices push it to the target (`notices.ts`). Nothing
 * about a nudge reaches anyone outside its pair.
 */
import { assign, emit, setup } from 'xstate';
import type { RoomEffect } from '../../../../machine-version';
import { refuseEffect } from '../../refusals';
import type { CartridgeInput, CartridgeOutput, CloseEvent, ForwardedEvent } from '../types';
import { checkNudge, type NudgesName } from './rule';

export interface Nudge {
  from: string;
  to: string;
}

export interface NudgesContext {
  day: number;
  name: NudgesName;
  players: string[];
  /** Today's nudges, oldest first. Private to each pair; see view.ts. */
  nudges: Nudge[];
}

export type NudgeSendEvent = ForwardedEvent<{ type: 'nudge.send'; to: string }>;
export type NudgesEvent = NudgeSendEvent | CloseEvent;

/** Nudges are private: the close makes nothing public. */
export type NudgesOutput = CartridgeOutput<NudgesName, Record<string, never>>;

function sendRefusal(context: NudgesContext, event: NudgeSendEvent) {
  return checkNudge({
    alive: event.cartridgeContext.alive.map((p) => p.playerId),
    players: context.players,
    from: event.senderId,
    to: event.to,
    nudged: context.nudges.filter((n) => n.from === event.senderId).map((n) => n.to),
  });
}

function nudge(event: NudgesEvent): NudgeSendEvent {
  if (event.type !== 'nudge.send') throw new Error(`a nudge action on ${event.type}`);
  return event;
}

export const nudgesMachine = setup({
  types: {
    input: {} as CartridgeInput<NudgesName>,
    context: {} as NudgesContext,
    events: {} as NudgesEvent,
    output: {} as NudgesOutput,
    emitted: {} as RoomEffect,
  },
  guards: {
    nudgeRefused: ({ context, event }) => event.type === 'nudge.send' && sendRefusal(context, event) !== null,
  },
  actions: {
    refuseNudge: emit(({ context, event }) => refuseEffect(nudge(event).senderId, sendRefusal(context, nudge(event))!)),
    recordNudge: assign({ nudges: ({ context, event }) => [...context.nudges, { from: nudge(event).senderId, to: nudge(event).to }] }),
  },
}).createMachine({
  id: 'nudges',
  context: ({ input }) => ({ day: input.day, name: input.name, players: [...input.players], nudges: [] }),
  initial: 'open',
  states: {
    open: {
      on: {
        'nudge.send': [{ guard: 'nudgeRefused', actions: 'refuseNudge' }, { actions: 'recordNudge' }],
        'cartridge.close': { target: 'closed' },
      },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({ name: context.name, silver: {}, results: {} }),
});
