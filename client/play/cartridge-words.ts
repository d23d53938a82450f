/**
 * How each cartridge of pecking-order@2 reads on screen: its title and the one-line rule the lobby
 * and the player's card show. The rules themselves are in the cartridges' `rule.ts`.
 */
import type { CartridgeName } from '../../machines/pecking-order/v2/cartridges';

export const CARTRIDGE_WORDS: Readonly<Record<CartridgeName, { title: string; summary: string }>> = {
  WOULD_YOU_RATHER: { title: 'Would you rather', summary: 'Pick one of two; the less chosen side earns silver.' },
  HOT_TAKE: { title: 'Hot take', summary: 'Agree or disagree; the less chosen side earns silver.' },
  SILVER_GAMBIT: {
    title: 'Silver gambit',
    summary: 'Pledge silver in secret; if enough pledge, one donor, drawn at random, wins the whole pot.',
  },
  SPOTLIGHT: { title: 'Spotlight', summary: 'Name a player in secret; if everyone names the same one, they earn silver.' },
  CONFESSIONS: {
    title: 'Confession booth',
    summary: 'Post anonymously under today’s handle, in the Chat tab; nobody can tell which handle is yours.',
  },
  WHISPERS: { title: 'Whispers', summary: 'Whisper to one player in the group chat: everyone sees that you did, only they read it.' },
  NUDGES: { title: 'Nudges', summary: 'Nudge a player from the Cast tab, once each a day; only the two of you know.' },
};
