/**
 * Who may do what. The lobby secret (env `LOBBY_SECRET`) opens init, token minting, status and
 * admin events; signed tokens bound to a room open a player's socket (role `player`) or a room's
 * admin actions (role `admin`). Fail closed: with no secret configured nothing privileged opens.
 */
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { RoomError } from './room-error';

export type TokenRole = 'player' | 'admin';

export interface TokenClaims {
  roomId: string;
  /** The player id for `player` tokens; `admin` for admin tokens. */
  subject: string;
  role: TokenRole;
  expiresAt: number;
}

/** Who signs tokens and for whom, in the engine's words (not any one game's). */
const TOKEN_FORMAT = { issuer: 'game-rooms', audience: 'game-rooms/room', keyLabel: 'game-rooms/token-key/v1' };

/**
 * The names tokens were signed with before 2026-12 (they named the game). Rooms running then hold
 * tokens given to players, valid for up to 60 days (`MAX_TOKEN_TTL_SECONDS`), so verification keeps
 * accepting this format — and only this exact combination of issuer, audience and key — until the
 * last of them has expired: 60 days after the first deploy that signs with {@link TOKEN_FORMAT}.
 * For a deploy on 2026-12-01 that is 2027-01-30; delete this constant and its use after that date
 * (a later first deploy moves the date by as much).
 */
const LEGACY_TOKEN_FORMAT = { issuer: 'pecking-order', audience: 'pecking-order/room', keyLabel: 'pecking-order/token-key/v1' };

type TokenFormat = typeof TOKEN_FORMAT;

const encoder = new TextEncoder();

/** A secret shorter than this is refused: it would be guessable. */
export const MIN_SECRET_LENGTH = 16;

export function configuredSecret(env: { LOBBY_SECRET?: string }): string {
  const secret = env.LOBBY_SECRET;
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new RoomError('AUTH_NOT_CONFIGURED', `LOBBY_SECRET is not configured (at least ${MIN_SECRET_LENGTH} characters)`);
  }
  return secret;
}

const digest = async (text: string) => crypto.subtle.digest('SHA-256', encoder.encode(text));

/** Constant-time: both sides are hashed to equal length first, so neither length nor content leaks. */
export async function secretMatches(given: string, secret: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(secret)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

export function bearerOf(request: Request): string | null {
  const header = request.headers.get('Authorization');
  const match = header ? /^Bearer (.+)$/.exec(header) : null;
  return match ? match[1]!.trim() : null;
}

/** Tokens are signed with a key derived from the lobby secret, never with the secret itself. */
async function signingKey(secret: string, format: TokenFormat): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(format.keyLabel)));
}

export async function signToken(
  secret: string,
  claims: { roomId: string; subject: string; role: TokenRole },
  ttlSeconds: number,
  now = Date.now(),
): Promise<string> {
  return new SignJWT({ room: claims.roomId, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(TOKEN_FORMAT.issuer)
    .setAudience(TOKEN_FORMAT.audience)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + ttlSeconds)
    .sign(await signingKey(secret, TOKEN_FORMAT));
}

export type TokenProblem = 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_WRONG_ROOM';

export async function verifyToken(secret: string, token: string, roomId: string, now = Date.now()): Promise<TokenClaims | TokenProblem> {
  const current = await verifyAs(TOKEN_FORMAT, secret, token, roomId, now);
  // Only a token the current format does not sign (another key, issuer or audience) may be legacy.
  return current === 'TOKEN_INVALID' ? verifyAs(LEGACY_TOKEN_FORMAT, secret, token, roomId, now) : current;
}

async function verifyAs(
  format: TokenFormat,
  secret: string,
  token: string,
  roomId: string,
  now: number,
): Promise<TokenClaims | TokenProblem> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(secret, format), {
      issuer: format.issuer,
      audience: format.audience,
      algorithms: ['HS256'],
      currentDate: new Date(now),
      requiredClaims: ['exp', 'sub'],
    });
    if (payload.room !== roomId) return 'TOKEN_WRONG_ROOM';
    if (payload.role !== 'player' && payload.role !== 'admin') return 'TOKEN_INVALID';
    return { roomId, subject: payload.sub!, role: payload.role, expiresAt: payload.exp! * 1000 };
  } catch (error) {
    return error instanceof joseErrors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID';
  }
}

/** The lobby secret itself (hosts creating games, the lobby's handoff). */
export async function requireLobbySecret(request: Request, env: { LOBBY_SECRET?: string }): Promise<string> {
  const secret = configuredSecret(env);
  const given = bearerOf(request);
  if (!given) throw new RoomError('UNAUTHORIZED', 'send Authorization: Bearer <lobby secret>');
  if (!(await secretMatches(given, secret))) throw new RoomError('UNAUTHORIZED', 'wrong lobby secret');
  return secret;
}

/**
 * Admin access to one room: the lobby secret, or an admin token for that room. Throws
 * `UNAUTHORIZED` / `FORBIDDEN` / `AUTH_NOT_CONFIGURED`.
 */
export async function requireAdmin(request: Request, env: { LOBBY_SECRET?: string }, roomId: string, allowToken = true): Promise<void> {
  const secret = configuredSecret(env);
  const given = bearerOf(request);
  if (!given) throw new RoomError('UNAUTHORIZED', 'send Authorization: Bearer <lobby secret or admin token>');
  if (await secretMatches(given, secret)) return;
  if (allowToken && given.split('.').length === 3) {
    const claims = await verifyToken(secret, given, roomId);
    if (typeof claims !== 'string' && claims.role === 'admin') return;
    if (claims === 'TOKEN_WRONG_ROOM' || (typeof claims !== 'string' && claims.role !== 'admin')) {
      throw new RoomError('FORBIDDEN', 'this token does not give admin access to this room');
    }
  }
  throw new RoomError('UNAUTHORIZED', allowToken ? 'wrong lobby secret or admin token' : 'wrong lobby secret');
}
