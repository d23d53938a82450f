/**
 * Blitz presets: how long a game played in one sitting lasts. A preset is a target length and the
 * cast sizes it suits; the rounds share the time left after the pregame, so a bigger cast plays
 * more, shorter rounds and every game of a preset ends near its target. Pure data and arithmetic.
 */

export const BLITZ_PRESET_NAMES = ['SPRINT', 'STANDARD', 'MARATHON'] as const;
export type BlitzPresetName = (typeof BLITZ_PRESET_NAMES)[number];

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** The fewest and most players blitz takes, whatever the preset. */
export const BLITZ_MIN_PLAYERS = 5;
export const BLITZ_MAX_PLAYERS = 12;

export interface BlitzPreset {
  name: BlitzPresetName;
  description: string;
  /** The game's length from creation to game over, which the rounds divide among themselves. */
  target: number;
  /** The cast sizes whose rounds stay between about 2½ and 6 minutes under this preset. */
  castSize: { min: number; max: number };
  /** From the room's creation to round 1: time for everyone to open their invite. */
  pregame: number;
}

export const BLITZ_PRESETS: Readonly<Record<BlitzPresetName, BlitzPreset>> = {
  SPRINT: {
    name: 'SPRINT',
    description: 'About 20 minutes, for 5–8 players: quick rounds, little time to scheme.',
    // A minute over 20, so the rounds' whole seconds never take the game under 20 minutes.
    target: 21 * MINUTE,
    castSize: { min: 5, max: 8 },
    pregame: 2 * MINUTE,
  },
  STANDARD: {
    name: 'STANDARD',
    description: 'About 30 minutes, for 6–12 players.',
    target: 30 * MINUTE,
    castSize: { min: 6, max: 12 },
    pregame: 2 * MINUTE,
  },
  MARATHON: {
    name: 'MARATHON',
    description: 'About 40 minutes, for 8–12 players: long rounds of talk before each vote.',
    // A minute under 40, so the rounds' whole seconds never take the game over 40 minutes.
    target: 39 * MINUTE,
    castSize: { min: 8, max: 12 },
    pregame: 2 * MINUTE,
  },
};

/** A round's steps: chat, then the vote, then the reveal (and the elimination). */
export interface RoundLengths {
  chat: number;
  vote: number;
  reveal: number;
}

/** Rounds in a game of `players`: one elimination round for each player but the two finalists, then the final. */
export function roundCount(players: number): number {
  return players - 1;
}

/**
 * Each round's steps for a cast of `players` under `preset`, in whole seconds: the time after the
 * pregame split evenly among the rounds, each 60 % chat, 30 % vote and 10 % reveal.
 */
export function roundLengths(preset: BlitzPreset, players: number): RoundLengths {
  const round = (preset.target - preset.pregame) / roundCount(players);
  const seconds = (share: number) => Math.round((round * share) / SECOND) * SECOND;
  return { chat: seconds(0.6), vote: seconds(0.3), reveal: seconds(0.1) };
}

/** How long a PRE_SCHEDULED game lasts, creation to game over: the pregame and every round. */
export function blitzDuration(preset: BlitzPreset, players: number): number {
  const { chat, vote, reveal } = roundLengths(preset, players);
  return preset.pregame + roundCount(players) * (chat + vote + reveal);
}

/** Why `preset` does not suit `players` players, in words the host can act on; null when it does. */
export function presetIssue(name: BlitzPresetName, players: number): string | null {
  const { min, max } = BLITZ_PRESETS[name].castSize;
  if (players >= min && players <= max) return null;
  const fitting = BLITZ_PRESET_NAMES.filter((other) => {
    const size = BLITZ_PRESETS[other].castSize;
    return players >= size.min && players <= size.max;
  });
  const instead = fitting.length > 0 ? ` Choose ${fitting.join(' or ')}.` : '';
  return `${name} is for ${min}–${max} players; this cast has ${players}.${instead}`;
}

/** The preset a new game of `players` starts from: STANDARD when it fits, else the first that does. */
export function defaultPresetFor(players: number): BlitzPresetName {
  if (presetIssue('STANDARD', players) === null) return 'STANDARD';
  return BLITZ_PRESET_NAMES.find((name) => presetIssue(name, players) === null) ?? 'STANDARD';
}
