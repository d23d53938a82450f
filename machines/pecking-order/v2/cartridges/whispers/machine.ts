/**
 * The whispers child (`src: 'whispers'`, id `whispers`): open while the group chat is, on a day
 * that names WHISPERS. A whisper is one group chat message of kind `whisper` from the sender to its
 * addressee: the room delivers it to everyone and seals its text for all but those two. The text
 * never enters the context; only how many each player sent today does.
 */
import { assign, emit, setup } from 'xstate';
import type { RoomEffect } from '../../../../machine-version';
import { GROUP_CHANNEL } from '../../../v1/chat';
import { refuseEffect } from '../../refusals';
import type { CartridgeInput, CartridgeOutput, CloseEvent, ForwardedEvent } from '../types';
import { checkWhisper, type WhispersName } from './rule';

export interface WhispersContext {
  day: number;
  name: WhispersName;
  players: string[];
  /** Player → whispers sent today. */
  sent: Record<string, number>;
}

export type WhisperSendEvent = ForwardedEvent<{ type: 'whisper.send'; to: string; text: string }>;
export type WhispersEvent = WhisperSendEvent | CloseEvent;

/** Public at the close: how many whispers the day had (everyone saw each one go by). */
export interface WhispersResults {
  whispers: number;
}
export type WhispersOutput = CartridgeOutput<WhispersName, WhispersResults>;

function sendRefusal(context: WhispersContext, event: WhisperSendEvent) {
  return checkWhisper({
    alive: event.cartridgeContext.alive.map((p) => p.playerId),
    players: context.players,
    from: event.senderId,
    to: event.to,
    text: event.text,
    sent: context.sent[event.senderId] ?? 0,
  });
}

function whisper(event: WhispersEvent): WhisperSendEvent {
  if (event.type !== 'whisper.send') throw new Error(`a whisper action on ${event.type}`);
  return event;
}

export const whispersMachine = setup({
  types: {
    input: {} as CartridgeInput<WhispersName>,
    context: {} as WhispersContext,
    events: {} as WhispersEvent,
    output: {} as WhispersOutput,
    emitted: {} as RoomEffect,
  },
  guards: {
    sendRefused: ({ context, event }) => event.type === 'whisper.send' && sendRefusal(context, event) !== null,
  },
  actions: {
    refuseSend: emit(({ context, event }) => refuseEffect(whisper(event).senderId, sendRefusal(context, whisper(event))!)),
    countSend: assign({
      sent: ({ context, event }) => ({ ...context.sent, [whisper(event).senderId]: (context.sent[whisper(event).senderId] ?? 0) + 1 }),
    }),
    deliverWhisper: emit(({ event }) => ({
      type: 'room.message' as const,
      channel: GROUP_CHANNEL,
      members: null,
      from: whisper(event).senderId,
      to: whisper(event).to,
      text: whisper(event).text,
      kind: 'whisper' as const,
    })),
  },
}).createMachine({
  id: 'whispers',
  context: ({ input }) => ({ day: input.day, name: input.name, players: [...input.players], sent: {} }),
  initial: 'open',
  states: {
    open: {
      on: {
        'whisper.send': [{ guard: 'sendRefused', actions: 'refuseSend' }, { actions: ['countSend', 'deliverWhisper'] }],
        'cartridge.close': { target: 'closed' },
      },
    },
    closed: { type: 'final' },
  },
  output: ({ context }) => ({
    name: context.name,
    silver: {},
    results: { whispers: Object.values(context.sent).reduce((n, k) => n + k, 0) },
  }),
});
