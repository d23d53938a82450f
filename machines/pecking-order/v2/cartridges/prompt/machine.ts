/**
 * The prompt child (`src: 'prompt'`, id `prompt`): WOULD_YOU_RATHER or HOT_TAKE, one per day that
 * names one. It keeps the answers secret and decides at the close (see `rule.ts`).
 */
import { assign, emit, setup } from 'xstate';
import type { RoomEffect } from '../../../../machine-version';
import { refusal, refuseEffect } from '../../refusals';
import type { CartridgeContext, CartridgeInput, CartridgeOutput, CloseEvent, ForwardedEvent } from '../types';
import { PROMPT_REWARD, decidePrompt, promptText, type PromptName, type PromptOption, type PromptResult, type PromptText } from './rule';

export interface PromptContext {
  day: number;
  name: PromptName;
  prompt: PromptText;
  /** Secret until the close: player → latest answer. */
  answers: Record<string, PromptOption>;
  result: PromptResult | null;
}

export type PromptAnswerEvent = ForwardedEvent<{ type: 'prompt.answer'; option: PromptOption }>;
export type PromptEvent = PromptAnswerEvent | CloseEvent;

/** The public results: the question, the counts, the minority and who earned. */
export type PromptResults = PromptResult & { prompt: PromptText };
export type PromptOutput = CartridgeOutput<PromptName, PromptResults>;

function answerRefusal(event: PromptAnswerEvent) {
  return event.cartridgeContext.alive.some((p) => p.playerId === event.senderId) ? null : refusal('NOT_ALIVE');
}

const aliveIds = (c: CartridgeContext) => c.alive.map((p) => p.playerId);

export const promptMachine = setup({
  types: {
    input: {} as CartridgeInput<PromptName>,
    context: {} as PromptContext,
    events: {} as PromptEvent,
    output: {} as PromptOutput,
    emitted: {} as RoomEffect,
  },
  guards: {
    answerRefused: ({ event }) => event.type === 'prompt.answer' && answerRefusal(event) !== null,
  },
  actions: {
    refuseAnswer: emit(({ event }) => {
      if (event.type !== 'prompt.answer') throw new Error(`refuseAnswer on ${event.type}`);
      return refuseEffect(event.senderId, answerRefusal(event)!);
    }),
    recordAnswer: assign({
      answers: ({ context, event }) =>
        event.type === 'prompt.answer' ? { ...context.answers, [event.senderId]: event.option } : context.answers,
    }),
    decide: assign({
      result: ({ context, event }) =>
        event.type === 'cartridge.close' ? decidePrompt(aliveIds(event.cartridgeContext), context.answers) : context.result,
    }),
  },
}).createMachine({
  id: 'prompt',
  context: ({ input }) => ({ day: input.day, name: input.name, prompt: promptText(input.name, input.seed), answers: {}, result: null }),
  initial: 'answering',
  states: {
    answering: {
      on: {
        'prompt.answer': [{ guard: 'answerRefused', actions: 'refuseAnswer' }, { actions: 'recordAnswer' }],
        'cartridge.close': { target: 'decided', actions: 'decide' },
      },
    },
    decided: { type: 'final' },
  },
  output: ({ context }) => {
    const result = context.result!;
    return {
      name: context.name,
      silver: Object.fromEntries(result.earners.map((id) => [id, PROMPT_REWARD])),
      results: { ...result, prompt: context.prompt },
    };
  },
});
