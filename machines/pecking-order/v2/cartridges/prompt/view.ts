/**
 * What a player sees of the day's prompt: the question and the options, their own answer while it
 * is open, and, once it closed, the counts and who earned. Never another player's answer before the
 * close, and not even who has answered (one answer out of three would tell).
 */
import type { PromptContext, PromptResults } from './machine';
import type { PromptName, PromptOption, PromptText } from './rule';
import { PROMPT_REWARD } from './rule';

export interface PromptView {
  slot: 'prompt';
  name: PromptName;
  open: boolean;
  /** The question, once the prompt opened (null before). */
  prompt: PromptText | null;
  myAnswer: PromptOption | null;
  /** Whether this player may answer now. */
  canAnswer: boolean;
  reward: number;
  /** Once closed: the counts, the minority and who earned. */
  results: PromptResults | null;
}

export function promptView(input: {
  name: PromptName;
  child: PromptContext | null;
  results: PromptResults | null;
  playerId: string;
  alive: boolean;
}): PromptView {
  const { child, results } = input;
  return {
    slot: 'prompt',
    name: input.name,
    open: child !== null,
    prompt: results?.prompt ?? child?.prompt ?? null,
    myAnswer: child?.answers[input.playerId] ?? null,
    canAnswer: child !== null && input.alive,
    reward: PROMPT_REWARD,
    results,
  };
}
