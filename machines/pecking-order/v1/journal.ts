/**
 * The facts the machine hands to the room's audit journal (`room.journal`). Kinds are stable; the
 * list below documents each, and every admin action has its own `admin.*` fact.
 */
import type { RoomEffect } from '../../machine-version';

export const JOURNAL_KINDS = {
  'phase.changed': 'The game entered a phase: `{ day, phase }` (pregame, morning … night, gameOver).',
  'silver.transferred': 'A player gave silver: `{ day, from, to, amount }`.',
  'activity.revealed': 'PLAYER_PICK closed: `{ day, picks, rewards, mutualPairs }`.',
  'vote.executionerElected': 'EXECUTIONER step 1 closed: `{ day, executioner, reason, tallies }`.',
  'vote.revealed': 'The vote closed: `{ day, voteType, ballots, outcome }`, every ballot included.',
  'player.eliminated': 'The vote put a player out at night: `{ day, playerId }`.',
  'gold.poolGrew': 'Night: the gold pool grew: `{ day, pool }`.',
  'admin.advanced': 'The host moved the game on: `{ day, from }` (the phase or step it left).',
  'admin.eliminated': 'The host put a player out: `{ day, playerId }`.',
  'admin.credited': 'The host credited or debited silver: `{ day, playerId, requested, applied }`.',
  'admin.hostMessage': 'The host posted to the group chat: `{ day, text }`.',
  'admin.endedGame': 'The host ended the game: `{ day }`.',
  'game.over': 'The game ended: `{ winner, gold, ending }`; ending is FINALS or ADMIN.',
} as const;

export type JournalKind = keyof typeof JOURNAL_KINDS;

export function journalFact(kind: JournalKind, data: Record<string, unknown>): Extract<RoomEffect, { type: 'room.journal' }> {
  return { type: 'room.journal', kind, data };
}
