/**
 * The vocabulary of pecking-order@2: every guard, action, delay and child of @1 (taken from its
 * machine's implementations, unchanged), the cartridges' children (cartridges/index.ts), and the
 * few names the cartridge regions add. `refuseWith` is @1's with the cartridges' codes added.
 */
import { emit, enqueueActions, sendTo, setup, type DoneActorEvent } from 'xstate';
import { ADMIN_SENDER, type RoomEffect } from '../../machine-version';
import { aliveIds, daySeed, voteContextOf, withSilver } from '../v1/cast';
import { gameMachine as v1GameMachine } from '../v1/machine';
import { cartridgeActors, cartridgeOf } from './cartridges';
import type { CartridgeContext, CartridgeInput, CartridgeOutput } from './cartridges/types';
import type { CartridgeRecord, GameContext, GameInput } from './context';
import type { GameEvent } from './events';
import { journalFact } from './journal';
import { refusal, refuseEffect, type RefusalCode } from './refusals';

const v1 = v1GameMachine.implementations as unknown as {
  guards: Record<string, any>;
  actions: Record<string, any>;
  delays: Record<string, any>;
  actors: Record<string, any>;
};

/** The facts of now a cartridge judges by: alive players with their silver, roster order. */
export function cartridgeContextOf(context: Pick<GameContext, 'cast' | 'eliminated' | 'seed' | 'day'>): CartridgeContext {
  return { alive: voteContextOf(context).alive.map((p) => ({ ...p })) };
}

/** Today's cartridge in `slot`, if the plan names one. */
export function todaysCartridge(context: Pick<GameContext, 'plan' | 'day'>, slot: string): string | null {
  return context.plan[context.day - 1]?.cartridges?.find((name) => cartridgeOf(name)?.slot === slot) ?? null;
}

/** What the day hands a cartridge child as it opens. */
export function cartridgeInputOf(context: GameContext, slot: string): CartridgeInput {
  return {
    day: context.day,
    name: todaysCartridge(context, slot)!,
    seed: daySeed(context.seed, context.day),
    players: Object.keys(context.cast),
    theme: context.plan[context.day - 1]?.theme ?? null,
  };
}

/** The cast and records after a closed cartridge's output: silver applied (never below 0), results kept. */
export function afterCartridge(context: GameContext, slot: string, output: CartridgeOutput): Pick<GameContext, 'cast' | 'cartridges'> {
  let cast = context.cast;
  const applied: Record<string, number> = {};
  for (const [playerId, delta] of Object.entries(output.silver)) {
    const before = cast[playerId]?.silver;
    if (before === undefined) continue;
    cast = withSilver(cast, playerId, delta);
    applied[playerId] = cast[playerId]!.silver - before;
  }
  const record: CartridgeRecord = {
    day: context.day,
    slot,
    name: output.name as CartridgeRecord['name'],
    silver: applied,
    results: output.results,
  };
  return { cast, cartridges: [...context.cartridges, record] };
}

function senderOf(event: GameEvent): string {
  return 'senderId' in event ? event.senderId : ADMIN_SENDER;
}

export const gameSetup = setup({
  types: {
    context: {} as GameContext,
    input: {} as GameInput,
    events: {} as GameEvent,
    emitted: {} as RoomEffect,
    output: {} as { winner: string | null; ending: GameContext['ending'] },
  },
  actors: { ...v1.actors, ...cartridgeActors } as Record<string, any>,
  delays: v1.delays,
  guards: {
    ...v1.guards,
    todayHasCartridge: ({ context }, params: { slot: string }) => todaysCartridge(context, params.slot) !== null,
  },
  actions: {
    ...v1.actions,
    refuseWith: emit(({ event }, params: { code: RefusalCode; message?: string }) =>
      refuseEffect(senderOf(event), refusal(params.code, params.message) as Parameters<typeof refuseEffect>[1]),
    ),
    /** A player's cartridge event, to the slot's child, with who sent it and the facts of now. */
    forwardToCartridge: sendTo(
      (_, params: { slot: string }) => params.slot,
      ({ context, event }) => ({ ...event, cartridgeContext: cartridgeContextOf(context) }),
    ),
    closeCartridge: sendTo(
      (_, params: { slot: string }) => params.slot,
      ({ context }) => ({ type: 'cartridge.close', cartridgeContext: cartridgeContextOf(context) }),
    ),
    applyCartridge: enqueueActions(({ context, event, enqueue }, params: { slot: string }) => {
      const output = (event as unknown as DoneActorEvent<CartridgeOutput>).output;
      const after = afterCartridge(context, params.slot, output);
      enqueue.assign(after);
      const record = after.cartridges[after.cartridges.length - 1]!;
      enqueue.emit(
        journalFact('cartridge.revealed', {
          day: context.day,
          slot: params.slot,
          name: record.name,
          silver: record.silver,
          results: record.results,
        }),
      );
    }),
  },
});

export { aliveIds };

/** The chart's way to say "refused here, with this code". */
export function refuseWith(code: RefusalCode, message?: string) {
  return { type: 'refuseWith' as const, params: message === undefined ? { code } : { code, message } };
}
