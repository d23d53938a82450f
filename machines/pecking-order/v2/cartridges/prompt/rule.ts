/**
 * The prompts' rule, pure. WOULD_YOU_RATHER asks to pick one of two options; HOT_TAKE asks to agree
 * or disagree with a statement (option A: agree, B: disagree). The text is a seeded pick from a
 * small fixed list, so the same room asks the same question on the same day.
 *
 * The minority answer earns: among the answers of players alive at the close, the option fewer
 * players chose pays {@link PROMPT_REWARD} silver to each player who chose it. There is no
 * minority, and nobody earns, when the two options were chosen by as many players (a tie,
 * including nobody answering) or when only one option was chosen (a unanimous answer is no minority).
 */
import { seededPick } from '../../../rules';

export const PROMPT_NAMES = ['WOULD_YOU_RATHER', 'HOT_TAKE'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export const PROMPT_OPTIONS = ['A', 'B'] as const;
export type PromptOption = (typeof PROMPT_OPTIONS)[number];

/** Silver for each player who gave the minority answer. */
export const PROMPT_REWARD = 5;

export interface PromptText {
  question: string;
  /** What A and B say. */
  options: Record<PromptOption, string>;
}

const WOULD_YOU_RATHER: readonly [string, string][] = [
  ['have a loyal ally', 'have a useful enemy'],
  ['win by a landslide', 'win by a single vote'],
  ['know every secret', 'keep every secret'],
  ['be feared', 'be liked'],
  ['give away all your silver', 'never receive any'],
];

const HOT_TAKES: readonly string[] = [
  'Alliances are made to be broken.',
  'The quiet players are the most dangerous.',
  'Silver matters more than friends.',
  'Lying in this game is fair play.',
  'The first vote says nothing about the winner.',
];

/** The day's prompt text for `name`: a seeded pick from its list. */
export function promptText(name: PromptName, seed: string): PromptText {
  if (name === 'WOULD_YOU_RATHER') {
    const index = Number(
      seededPick(
        WOULD_YOU_RATHER.map((_, i) => String(i)),
        `${seed}:wyr`,
      ) ?? 0,
    );
    const [a, b] = WOULD_YOU_RATHER[index]!;
    return { question: 'Would you rather…', options: { A: a, B: b } };
  }
  const index = Number(
    seededPick(
      HOT_TAKES.map((_, i) => String(i)),
      `${seed}:hotTake`,
    ) ?? 0,
  );
  return { question: HOT_TAKES[index]!, options: { A: 'Agree', B: 'Disagree' } };
}

export interface PromptResult {
  counts: Record<PromptOption, number>;
  /** The option fewer players chose; null on a tie or a unanimous answer. */
  minority: PromptOption | null;
  /** Who earned {@link PROMPT_REWARD}, roster order. */
  earners: string[];
}

/**
 * Decides the prompt. `alive` in roster order; answers of players not alive are ignored (they
 * could not have answered, but a restored or upgraded game must not pay them).
 */
export function decidePrompt(alive: readonly string[], answers: Readonly<Record<string, PromptOption>>): PromptResult {
  const counts: Record<PromptOption, number> = { A: 0, B: 0 };
  for (const id of alive) {
    const answer = answers[id];
    if (answer) counts[answer]++;
  }
  const minority: PromptOption | null = counts.A === 0 || counts.B === 0 || counts.A === counts.B ? null : counts.A < counts.B ? 'A' : 'B';
  const earners = minority ? alive.filter((id) => answers[id] === minority) : [];
  return { counts, minority, earners };
}
