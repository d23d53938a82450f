/**
 * The host's dashboard summary of a `pecking-order@2` game: @1's (v1/host-view.ts) and a line per
 * cartridge of the day. An open cartridge's line says only that it is open (not who answered, nor
 * how many: that would tell the host what the players cannot know); a closed one's line is its
 * public result, with player ids for the dashboard to name.
 */
import type { HostSummary, ProjectionInput } from '../../machine-version';
import { hostView as v1HostView } from '../v1/host-view';
import type { PeckingOrderInit as V1Init } from '../v1/init-schema';
import { cartridgeOf, type CartridgeName } from './cartridges';
import type { DilemmaResults } from './cartridges/dilemma/machine';
import type { PromptResults } from './cartridges/prompt/machine';
import type { ConfessionsResults } from './cartridges/confessions/machine';
import type { WhispersResults } from './cartridges/whispers/machine';
import type { PeckingOrderInit } from './init-schema';
import { readGameSnapshot } from './snapshot-reader';

export type CartridgeLine = NonNullable<HostSummary['cartridges']>[number];

const LABELS: Record<CartridgeName, string> = {
  WOULD_YOU_RATHER: 'Would you rather',
  HOT_TAKE: 'Hot take',
  SILVER_GAMBIT: 'Silver gambit',
  SPOTLIGHT: 'Spotlight',
  CONFESSIONS: 'Confession booth',
  WHISPERS: 'Whispers',
  NUDGES: 'Nudges',
};

/** A closed cartridge's result in words; player ids stay ids. */
export function resultText(name: CartridgeName, results: unknown): string {
  // The social cartridges' results are counts at most: who confessed or nudged whom is never the host's to read here.
  if (name === 'CONFESSIONS') return `${(results as ConfessionsResults).confessions} confessions, under handles of the day.`;
  if (name === 'WHISPERS') return `${(results as WhispersResults).whispers} whispers in the group chat.`;
  if (name === 'NUDGES') return 'Nudges stay between their two players.';
  if (name === 'WOULD_YOU_RATHER' || name === 'HOT_TAKE') {
    const r = results as PromptResults;
    const counts = `${r.prompt.options.A} ${r.counts.A}, ${r.prompt.options.B} ${r.counts.B}`;
    return r.minority ? `${counts}: ${r.earners.join(', ')} earned (the minority).` : `${counts}: no minority, nobody earned.`;
  }
  const r = results as DilemmaResults;
  if (r.name === 'SILVER_GAMBIT') {
    return r.winner
      ? `${r.donors.length} pledged of ${r.needed} needed: ${r.winner} won the pot of ${r.pot}.`
      : `${r.donors.length} pledged of ${r.needed} needed: the gambit failed, nothing moved.`;
  }
  return r.spotlit ? `Everyone named ${r.spotlit}, who earned.` : `${r.answered} named someone, not all the same player: nothing moved.`;
}

export function hostView(input: Omit<ProjectionInput<PeckingOrderInit>, 'playerId'>): HostSummary {
  const base = v1HostView(input as unknown as Omit<ProjectionInput<V1Init>, 'playerId'>);
  const view = readGameSnapshot(input.snapshot);
  const { context } = view;
  const inDay = view.stage === 'day' || view.stage === 'finale';
  const names = inDay ? (context.plan[context.day - 1]?.cartridges ?? []) : [];
  const cartridges = names.flatMap((name): CartridgeLine[] => {
    const cartridge = cartridgeOf(name);
    if (!cartridge) return [];
    const record = context.cartridges.find((r) => r.day === context.day && r.slot === cartridge.slot);
    const open = view.cartridges[cartridge.slot] !== undefined;
    const text = record
      ? resultText(name, record.results)
      : open
        ? 'Open: what each player chose stays secret until it closes.'
        : `Opens in the ${cartridge.opensAt} phase.`;
    return [{ label: LABELS[name], open, text }];
  });
  return { ...base, cartridges };
}
