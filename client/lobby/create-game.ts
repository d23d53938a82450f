/**
 * `POST /api/games`: the lobby's one call. The answer is a created game (links for every player
 * and the host) or an explained failure with the issues the room found, by field path.
 */
import type { PresetName } from '../../machines/pecking-order/v1/presets';
import type { VoteType } from '../../machines/pecking-order/rules/types';

export type Scheduling = 'PRE_SCHEDULED' | 'ADMIN';

export interface CreateGameRequest {
  cast: { name: string; bio?: string }[];
  manifest: {
    preset: PresetName;
    scheduling: Scheduling;
    /** Day 1's morning, ms since the epoch; the preset's next start when absent. */
    startAt?: number;
    /** `cartridges`: pecking-order@2's prompt and dilemma of the day (the server creates @2 by default). */
    days: { voteType: VoteType; activity?: 'PLAYER_PICK'; cartridges?: string[] }[];
  };
}

export interface CreatedGame {
  roomId: string;
  machine: string;
  players: { playerId: string; name: string; invite: string }[];
  host: string;
  expiresAt: number;
  /** When the game first moves on by itself (day 1); null when the host starts it (ADMIN). */
  startsAt: number | null;
}

export interface Issue {
  path: string;
  message: string;
}

export type CreateGameResult =
  | { ok: true; game: CreatedGame }
  | { ok: false; status: number; code: string; sentence: string; issues: Issue[] };

/** What a failed answer means for the host, by HTTP status and error code. */
function explain(status: number, code: string, message: string): string {
  if (status === 401) return 'The lobby secret was not accepted. Check it and try again.';
  if (status === 503 || code === 'AUTH_NOT_CONFIGURED') {
    return 'The server has no lobby secret configured, so it refuses to create games. Whoever runs the server must set LOBBY_SECRET (see the README).';
  }
  if (code === 'INVALID_INIT' || code === 'BAD_REQUEST') return 'The game cannot be created as it is. Fix the fields marked below.';
  if (status === 413) return 'The game is too large to create; shorten the bios.';
  if (status === 429) return 'Too many requests; wait a moment and try again.';
  return message ? `The server refused: ${message}` : `The server answered ${status}.`;
}

export async function createGame(secret: string, body: CreateGameRequest): Promise<CreateGameResult> {
  let response: Response;
  try {
    response = await fetch('/api/games', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return {
      ok: false,
      status: 0,
      code: 'NETWORK',
      sentence: 'The server could not be reached. Check your connection and try again.',
      issues: [],
    };
  }
  const answer = (await response.json().catch(() => null)) as
    | (CreatedGame & { error?: undefined })
    | { error?: { code?: string; message?: string; issues?: Issue[] } }
    | null;
  if (response.status === 201 && answer && 'roomId' in answer) return { ok: true, game: answer };
  const error = answer?.error ?? {};
  const code = error.code ?? `HTTP_${response.status}`;
  return {
    ok: false,
    status: response.status,
    code,
    sentence: explain(response.status, code, error.message ?? ''),
    issues: Array.isArray(error.issues) ? error.issues : [],
  };
}
