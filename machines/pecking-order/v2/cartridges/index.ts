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
import { confessionsMachine, type ConfessionsContext, type ConfessionsResults } from './confessions/machine';
import { CONFESSIONS_NAMES, type ConfessionsName } from './confessions/rule';
import { confessionsView, type ConfessionsView } from './confessions/view';
import { whispersMachine, type WhispersContext, type WhispersResults } from './whispers/machine';
import { WHISPERS_NAMES, type WhispersName } from './whispers/rule';
import { whispersView, type WhispersView } from './whispers/view';
import { nudgesMachine, type NudgesContext } from './nudges/machine';
import { NUDGES_NAMES, type NudgesName } from './nudges/rule';
import { nudgesView, type NudgesView } from './nudges/view';

export type CartridgeName = PromptName | DilemmaName | ConfessionsName | WhispersName | NudgesName;
export type CartridgeView = PromptView | DilemmaView | ConfessionsView | WhispersView | NudgesView;

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
  aliveIds: readonly string[];
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

/** A bound on a cartridge message's payload, far above its limit: the rule refuses over-limit texts itself (as @1's chat does). */
const cartridgeText = z.string().max(4_000, 'A message is at most 4000 characters.');

export const confessionsCartridge: Cartridge<ConfessionsName> = {
  slot: 'confessions',
  names: CONFESSIONS_NAMES,
  summaries: {
    CONFESSIONS:
      'A confession booth from morning to night: post anonymously under a handle of the day that no player can link to you (at most 3 a day).',
  },
  events: {
    'confession.post': z
      .object({ text: cartridgeText })
      .describe('Post to the confession booth under today’s handle; nobody but you can tell the handle is yours.'),
  },
  // The handle derives from the tag the room adds (rule.ts).
  senderTags: ['confession.post'],
  opensAt: 'morning',
  closesAt: 'night',
  machine: confessionsMachine,
  view: (input) =>
    confessionsView({
      name: input.name as ConfessionsName,
      child: input.child as ConfessionsContext | null,
      results: input.results as ConfessionsResults | null,
      playerId: input.playerId,
      alive: input.alive,
    }),
};

export const whispersCartridge: Cartridge<WhispersName> = {
  slot: 'whispers',
  names: WHISPERS_NAMES,
  summaries: {
    WHISPERS: 'Whisper in the group chat: everyone sees that A whispered to B, only B (and A) reads it (at most 5 a day).',
  },
  events: {
    'whisper.send': z
      .object({ to: playerIdSchema, text: cartridgeText })
      .describe('Whisper to another alive player in the group chat: everyone sees that you did, only they read it.'),
  },
  opensAt: 'morning',
  closesAt: 'night',
  machine: whispersMachine,
  view: (input) =>
    whispersView({
      name: input.name as WhispersName,
      child: input.child as WhispersContext | null,
      results: input.results as WhispersResults | null,
      playerId: input.playerId,
      alive: input.alive,
    }),
};

export const nudgesCartridge: Cartridge<NudgesName> = {
  slot: 'nudges',
  names: NUDGES_NAMES,
  summaries: {
    NUDGES: 'Nudge another alive player, once per player a day: they are told who nudged them, nobody else learns of it.',
  },
  events: {
    'nudge.send': z.object({ to: playerIdSchema }).describe('Nudge another alive player, once a day each; only the two of you know.'),
  },
  opensAt: 'morning',
  closesAt: 'night',
  machine: nudgesMachine,
  view: (input) =>
    nudgesView({
      name: input.name as NudgesName,
      child: input.child as NudgesContext | null,
      results: input.results as Record<string, never> | null,
      playerId: input.playerId,
      alive: input.alive,
    }),
};

/** Every cartridge, one per slot, in the order the day plan and the rules document list them. */
export const CARTRIDGES: readonly Cartridge[] = [
  promptCartridge,
  dilemmaCartridge,
  confessionsCartridge,
  whispersCartridge,
  nudgesCartridge,
] as readonly Cartridge[];

export const CARTRIDGE_NAMES = CARTRIDGES.flatMap((c) => c.names) as readonly CartridgeName[];

/** The cartridge a name belongs to; undefined for a name no cartridge has. */
export function cartridgeOf(name: string): Cartridge | undefined {
  return CARTRIDGES.find((c) => (c.names as readonly string[]).includes(name));
}

/** Every cartridge's player events, merged (the version's `playerEvents` adds them to @1's). */
export const cartridgePlayerEvents: Record<string, z.ZodType> = Object.assign({}, ...CARTRIDGES.map((c) => c.events));

/** Every cartridge's events that carry the sender's tag (the version's `senderTags`). */
export const cartridgeSenderTags: readonly string[] = CARTRIDGES.flatMap((c) => c.senderTags ?? []);

/** The children the day invokes, by src (= slot), for `setup({ actors })`. */
export const cartridgeActors = Object.fromEntries(CARTRIDGES.map((c) => [c.slot, c.machine]));

export type { DilemmaResults, PromptResults, ConfessionsResults, WhispersResults };
