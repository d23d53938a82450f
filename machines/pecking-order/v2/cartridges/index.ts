/**
 * Every cartridge of pecking-order@2, in one list: a new cartridge is a folder beside these
 * (`rule.ts` and its test, `machine.ts`, `view.ts` and its test) and one entry here. From this list
 * follow the day plan's names (`../manifest.ts`), the player events the room admits
 * (`../events.ts`), the day's regions (`../day.ts` builds one per slot with `cartridgeRegion`), the
 * children registered in setup (`../setup.ts`), the projection (`../projection.ts`) and the
 * workbench entries (`machines/workbench-entries.ts`).
 */
import { z } from 'zod';
import { playerIdSchema } from '../../v1/roster';
import { dilemmaMachine, type DilemmaContext, type DilemmaResults } from './dilemma/machine';
import { DILEMMA_NAMES, type DilemmaName } from './dilemma/rule';
import { dilemmaView, type DilemmaView } from './dilemma/view';
import { promptMachine, type PromptContext, type PromptResults } from './prompt/machine';
import { PROMPT_NAMES, PROMPT_OPTIONS, type PromptName } from './prompt/rule';
import { promptView, type PromptView } from './prompt/view';
import type { CartridgeDefinition } from './types';

export type CartridgeName = PromptName | DilemmaName;
export type CartridgeView = PromptView | DilemmaView;

/** What a cartridge's view is made from: the open child's context, or the results once it closed. */
export interface CartridgeViewInput {
  name: string;
  /** The child's context while it is open; null before it opens and after it closed. */
  child: unknown;
  /** Its public results once it closed; null until then. */
  results: unknown;
  playerId: string;
  alive: boolean;
  /** Alive players, roster order. */
  aliveIds: string[];
}

export interface Cartridge<TName extends string = string> extends CartridgeDefinition<TName> {
  /** The player's view of it: a pure function that keeps its secrets (see `view.ts`). */
  view(input: CartridgeViewInput): CartridgeView;
}

export const promptCartridge: Cartridge<PromptName> = {
  slot: 'prompt',
  names: PROMPT_NAMES,
  summaries: {
    WOULD_YOU_RATHER: 'Pick one of two options; the players who picked the less chosen one earn silver.',
    HOT_TAKE: 'Agree or disagree with a statement; the players on the less chosen side earn silver.',
  },
  events: {
    'prompt.answer': z
      .object({ option: z.enum(PROMPT_OPTIONS, { message: 'An answer is option A or B.' }) })
      .describe('Answer the day’s prompt (A or B; HOT_TAKE: A agrees, B disagrees); a new answer replaces the earlier one.'),
  },
  opensAt: 'social',
  closesAt: 'voting',
  machine: promptMachine,
  view: (input) =>
    promptView({
      name: input.name as PromptName,
      child: input.child as PromptContext | null,
      results: input.results as PromptResults | null,
      playerId: input.playerId,
      alive: input.alive,
    }),
};

export const dilemmaCartridge: Cartridge<DilemmaName> = {
  slot: 'dilemma',
  names: DILEMMA_NAMES,
  summaries: {
    SILVER_GAMBIT:
      'Pledge silver in secret; if at least half the players pledge, every donor pays and one donor, drawn by the seed, wins the pot.',
    SPOTLIGHT: 'Name another player in secret; if everyone who answered named the same player, that player earns silver.',
  },
  events: {
    'dilemma.donate': z.object({}).describe('SILVER_GAMBIT: pledge the stake, once; it is paid only if the gambit succeeds.'),
    'dilemma.spotlight': z
      .object({ target: playerIdSchema })
      .describe('SPOTLIGHT: secretly name another alive player; a new name replaces the earlier one.'),
  },
  opensAt: 'social',
  closesAt: 'voting',
  machine: dilemmaMachine,
  view: (input) =>
    dilemmaView({
      name: input.name as DilemmaName,
      child: input.child as DilemmaContext | null,
      results: input.results as DilemmaResults | null,
      playerId: input.playerId,
      alive: input.alive,
      aliveIds: input.aliveIds,
    }),
};

/** Every cartridge, one per slot, in the order the day plan and the rules document list them. */
export const CARTRIDGES: readonly Cartridge[] = [promptCartridge, dilemmaCartridge] as readonly Cartridge[];

export const CARTRIDGE_NAMES = CARTRIDGES.flatMap((c) => c.names) as readonly CartridgeName[];

/** The cartridge a name belongs to; undefined for a name no cartridge has. */
export function cartridgeOf(name: string): Cartridge | undefined {
  return CARTRIDGES.find((c) => (c.names as readonly string[]).includes(name));
}

/** Every cartridge's player events, merged (the version's `playerEvents` adds them to @1's). */
export const cartridgePlayerEvents: Record<string, z.ZodType> = Object.assign({}, ...CARTRIDGES.map((c) => c.events));

/** The children the day invokes, by src (= slot), for `setup({ actors })`. */
export const cartridgeActors = Object.fromEntries(CARTRIDGES.map((c) => [c.slot, c.machine]));

export type { DilemmaResults, PromptResults };
