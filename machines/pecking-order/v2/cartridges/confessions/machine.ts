/**
 * The confession booth child (`src: 'confessions'`, id `confessions`): open from morning to night
 * on a day that names CONFESSIONS. Each post goes to the `confessions` channel under the sender's
 * handle for the day (`rule.ts`), as a message whose `from` is the handle. The context keeps who
 * holds which handle, for the posting limit and so the author's own view can say which handle is
 * theirs; the snapshot never leaves the server, and the projection (`view.ts`) tells each player
 * their own handle only.
 */
import { assign, emit, setup } from 'xstate';
import type { RoomEffect } from '../../../../machine-version';
import { refuseEffect } from '../../refusals';
import type { CartridgeInput, CartridgeOutput, CloseEvent, ForwardedEvent } from '../types';
import { CONFESSIONS_CHANNEL, checkConfession, handleFor, type ConfessionsName } from './rule';

export interface ConfessionsContext {
  day: number;
  name: ConfessionsName;
  /** Player → today's handle, set at their first post. Server-side only; see view.ts. */
  handles: Record<string, string>;
  /** Player → confessions posted today. */
  posted: Record<string, number>;
  /** Confessions posted today, by anyone. */
  count: number;
}

export type ConfessionPostEvent = ForwardedEvent<{ type: 'confession.post'; text: string; senderTag: string | null }>;
export type ConfessionsEvent = ConfessionPostEvent | CloseEvent;

/** Public at the close: how many confessions the day had (never by whom). */
export interface ConfessionsResults {
  confessions: number;
}
export type ConfessionsOutput = CartridgeOutput<ConfessionsName, ConfessionsResults>;

function postRefusal(context: ConfessionsContext, event: ConfessionPostEvent) {
  return checkConfession({
    alive: event.cartridgeContext.alive.some((p) => p.playerId === event.senderId),
    tag: event.senderTag,
    text: event.text,
    posted: context.posted[event.senderId] ?? 0,
  });
}

function post(event: ConfessionsEvent): ConfessionPostEvent {
  if (event.type !== 'confession.post') throw new Error(`a confession action on ${event.type}`);
  return event;
}

export const confessionsMachine = setup({
  types: {
    input: {} as CartridgeInput<ConfessionsName>,
    context: {} as ConfessionsContext,
    events: {} as ConfessionsEvent,
    output: {} as ConfessionsOutput,
    emitted: {} as RoomEffect,
  },
  guards: {
    postRefused: ({ context, event }) => event.type === 'confession.post' && postRefusal(context, event) !== null,
  },
  actions: {
    refusePost: emit(({ context, event }) => refuseEffect(post(event).senderId, postRefusal(context, post(event))!)),
    recordPost: assign(({ context, event }) => {
      const { senderId, senderTag } = post(event);
      const handle = context.handles[senderId] ?? handleFor(senderTag!, context.day, Object.values(context.handles));
      return {
        handles: { ...context.handles, [senderId]: handle },
        posted: { ...context.posted, [senderId]: (context.posted[senderId] ?? 0) + 1 },
        count: context.count + 1,
      };
    }),
    // After recordPost: the handle is in the context by now.
    deliverPost: emit(({ context, event }) => ({
      type: 'room.message' as const,
      channel: CONFESSIONS_CHANNEL,
      members: null,
      from: context.handles[post(event).senderId]!,
      text: post(event).text,
      kind: 'confession' as const,
    })),
  },
}).createMachine({
  id: 'confessions',
  context: ({ input }) => ({ day: input.day, name: input.name, handles: {}, posted: {}, count: 0 }),
  initial: 'open',
  states: {
    open: {
      on: {
        'confession.post': [{ guard: 'postRefused', actions: 'refusePost' }, { actions: ['recordPost', 'deliverPost'] }],
        'cartridge.close': { target: 'closed' },
      },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({ name: context.name, silver: {}, results: { confessions: context.count } }),
});
