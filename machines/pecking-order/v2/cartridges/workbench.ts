/**
 * A cartridge alone, as a machine version the workbench can simulate (never registered in the room
 * catalog: no room runs a cartridge by itself). Its root stands in for the day: it holds a cast with
 * silver, opens the cartridge child (id = its slot) at once, forwards the players' events with the
 * facts of now, as the day does, and closes it on the host's `admin.close`, applying its silver.
 */
import { assign, sendTo, setup, type DoneActorEvent } from 'xstate';
import { z } from 'zod';
import type { MachineVersion, RoomEffect } from '../../../machine-version';
import { daySeed, withSilver } from '../../v1/cast';
import type { Seat } from '../../v1/context';
import { playerIdSchema } from '../../v1/roster';
import type { Cartridge } from './index';
import type { CartridgeContext, CartridgeOutput } from './types';

interface BenchContext {
  seed: string;
  name: string;
  cast: Record<string, Seat>;
  output: CartridgeOutput | null;
}

const benchContextOf = (context: BenchContext): CartridgeContext => ({
  alive: Object.entries(context.cast)
    .filter(([, seat]) => seat.alive)
    .map(([playerId, seat]) => ({ playerId, silver: seat.silver })),
});

export function workbenchEntryOf(cartridge: Cartridge): MachineVersion {
  const { slot } = cartridge;
  const initSchema = z.object({
    name: z.enum(cartridge.names as [string, ...string[]], { message: `The ${slot} is one of ${cartridge.names.join(', ')}.` }),
    players: z.array(playerIdSchema).min(2, 'At least two players.').max(20, 'At most 20 players.'),
    silver: z.number().int().min(0).max(10_000).optional(),
  });
  type Init = z.infer<typeof initSchema>;

  const machine = setup({
    types: {
      context: {} as BenchContext,
      input: {} as { seed: string; name: string; players: string[]; silver: number },
      events: {} as { type: string; senderId: string; [key: string]: unknown },
      emitted: {} as RoomEffect,
    },
    actors: { [slot]: cartridge.machine } as Record<string, typeof cartridge.machine>,
    actions: {
      forward: sendTo(slot, ({ context, event }) => ({ ...event, cartridgeContext: benchContextOf(context) })),
      close: sendTo(slot, ({ context }) => ({ type: 'cartridge.close', cartridgeContext: benchContextOf(context) })),
      apply: assign(({ context, event }) => {
        const output = (event as unknown as DoneActorEvent<CartridgeOutput>).output;
        let cast = context.cast;
        for (const [id, delta] of Object.entries(output.silver)) cast = withSilver(cast, id, delta);
        return { cast, output };
      }),
    },
  }).createMachine({
    id: `${slot}Bench`,
    context: ({ input }) => ({
      seed: input.seed,
      name: input.name,
      cast: Object.fromEntries(input.players.map((id) => [id, { silver: input.silver, gold: 0, alive: true }])),
      output: null,
    }),
    initial: 'open',
    states: {
      open: {
        invoke: {
          id: slot,
          src: slot,
          input: ({ context }) => ({
            day: 1,
            name: context.name,
            seed: daySeed(context.seed, 1),
            players: Object.keys(context.cast),
            theme: null,
          }),
          onDone: { target: 'closed', actions: 'apply' },
        },
        on: {
          ...Object.fromEntries(Object.keys(cartridge.events).map((type) => [type, { actions: 'forward' }])),
          'admin.close': { actions: 'close' },
        },
      },
      closed: { type: 'final' },
    },
  });

  return {
    name: `cartridge-${slot}`,
    version: 2,
    description: `The ${slot} cartridge of pecking-order@2 alone (${cartridge.names.join(', ')}): players act, the host closes it.`,
    machine,
    initSchema,
    createInput: (init: Init, room) => ({ seed: room.seed, name: init.name, players: init.players, silver: init.silver ?? 50 }),
    players: (init: Init) => init.players.map((playerId) => ({ playerId, name: playerId })),
    playerEvents: cartridge.events,
    ...(cartridge.senderTags ? { senderTags: cartridge.senderTags } : {}),
    adminEvents: { 'admin.close': z.object({}).describe(`Close the ${slot}: it decides and its silver moves.`) },
    project: ({ snapshot, playerId }) => {
      const snap = snapshot as { context: BenchContext; children?: Record<string, { snapshot?: { context?: unknown } }> };
      const aliveIds = Object.keys(snap.context.cast);
      return {
        silver: Object.fromEntries(Object.entries(snap.context.cast).map(([id, seat]) => [id, seat.silver])),
        cartridge: cartridge.view({
          name: snap.context.name,
          child: snap.children?.[slot]?.snapshot?.context ?? null,
          results: snap.context.output?.results ?? null,
          playerId,
          alive: aliveIds.includes(playerId),
          aliveIds,
        }),
      };
    },
  };
}
