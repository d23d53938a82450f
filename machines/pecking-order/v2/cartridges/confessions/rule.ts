/**
 * The confession booth's rule, pure. An alive player posts anonymously under today's handle (e.g.
 * `Violet Heron`), the same handle all day and a new one each day. The handle derives from the
 * sender's opaque tag (the room's HMAC of the player id under a secret only the room holds; see
 * worker/room-secret.ts) and the day, so no player can compute anyone's handle, and nothing the
 * room delivers names the author. Two players never share a handle on the same day: a handle
 * already taken moves on to the next draw (deterministically, in the order the day's first posts came).
 */
import { ECONOMY, isBlank, messageLength } from '../../../v1/economy';
import { hashString } from '../../../rules/seeded-order';
import type { Refusal } from '../../../v1/refusals';
import { refusal } from '../../refusals';

export const CONFESSIONS_NAMES = ['CONFESSIONS'] as const;
export type ConfessionsName = (typeof CONFESSIONS_NAMES)[number];

/** The channel confessions are posted to (everyone reads it). */
export const CONFESSIONS_CHANNEL = 'confessions';

/** Confessions each player may post a day. */
export const CONFESSION_LIMIT = 3;

const COLOURS = [
  'Violet',
  'Amber',
  'Crimson',
  'Jade',
  'Ivory',
  'Scarlet',
  'Cobalt',
  'Saffron',
  'Silver',
  'Coral',
  'Indigo',
  'Olive',
  'Russet',
  'Teal',
  'Ochre',
  'Plum',
] as const;
const BIRDS = [
  'Heron',
  'Finch',
  'Raven',
  'Wren',
  'Owl',
  'Kestrel',
  'Magpie',
  'Swift',
  'Plover',
  'Lark',
  'Egret',
  'Robin',
  'Falcon',
  'Starling',
  'Curlew',
  'Jay',
] as const;

/** How many handles there are: far more than a cast (at most 20), so the probe below ends quickly. */
export const HANDLE_COUNT = COLOURS.length * BIRDS.length;

/** The `n`th draw of a handle for `tag` on `day`. */
function draw(tag: string, day: number, n: number): string {
  const h = hashString(JSON.stringify([tag, day, n]));
  return `${COLOURS[h % COLOURS.length]} ${BIRDS[Math.floor(h / COLOURS.length) % BIRDS.length]}`;
}

/**
 * `tag`'s handle on `day`, given the handles already taken today by others: the first draw not
 * taken. Pure and deterministic; the same tag and day give the same handle when nothing collides.
 */
export function handleFor(tag: string, day: number, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 0; n < HANDLE_COUNT * 4; n++) {
    const handle = draw(tag, day, n);
    if (!used.has(handle)) return handle;
  }
  // Unreachable with a cast of at most 20; a numbered handle rather than a throw, should it ever be.
  return `${draw(tag, day, 0)} ${used.size + 1}`;
}

/** Why a player may not post `text` as a confession, having posted `posted` today; null when they may. */
export function checkConfession(args: { alive: boolean; tag: string | null | undefined; text: string; posted: number }): Refusal | null {
  if (!args.alive) return refusal('NOT_ALIVE', 'Eliminated players read the confessions but do not post.');
  if (!args.tag) return refusal('NO_HANDLE');
  if (isBlank(args.text)) return refusal('EMPTY_MESSAGE');
  const length = messageLength(args.text);
  if (length > ECONOMY.chatMaxChars) {
    return refusal('CHAR_LIMIT', `A confession is at most ${ECONOMY.chatMaxChars} characters; this one has ${length}.`);
  }
  if (args.posted >= CONFESSION_LIMIT) {
    return refusal('CONFESSION_LIMIT', `You have posted your ${CONFESSION_LIMIT} confessions for today; the booth reopens tomorrow.`);
  }
  return null;
}
