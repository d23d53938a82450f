import { SignJWT, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { configuredSecret, requireAdmin, secretMatches, signToken, verifyToken } from './auth';
import { RoomError } from './room-error';
import { SECRET, TestSocket, initRoom, inRoom } from './test/helpers';

const request = (auth?: string) => new Request('http://x/', { headers: auth ? { Authorization: `Bearer ${auth}` } : {} });
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as RoomError).code;
  }
};

describe('auth', () => {
  it('fails closed: no secret, or a short one, opens nothing', async () => {
    expect(() => configuredSecret({})).toThrow(RoomError);
    expect(() => configuredSecret({ LOBBY_SECRET: 'short' })).toThrow(/LOBBY_SECRET/);
    expect(await codeOf(requireAdmin(request(''), {}, 'r'))).toBe('AUTH_NOT_CONFIGURED');
    expect(await codeOf(requireAdmin(request('anything-at-all-here'), { LOBBY_SECRET: undefined }, 'r'))).toBe('AUTH_NOT_CONFIGURED');
  });

  it('fails closed through the real room when the Worker has no secret', async () => {
    await initRoom('auth-1');
    const response = await inRoom('auth-1', (server) => {
      Object.defineProperty(server, 'env', { value: { ...(server as any).env, LOBBY_SECRET: undefined } });
      return server.onRequest(
        new Request('http://x/parties/game-server/auth-1/status', { headers: { Authorization: `Bearer ${SECRET}` } }),
      );
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as any).error.code).toBe('AUTH_NOT_CONFIGURED');
  });

  it('compares secrets exactly', async () => {
    expect(await secretMatches(SECRET, SECRET)).toBe(true);
    expect(await secretMatches(`${SECRET}x`, SECRET)).toBe(false);
    expect(await secretMatches('', SECRET)).toBe(false);
  });

  it('binds tokens to room, subject, role and expiry, and rejects tampering', async () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const token = await signToken(SECRET, { roomId: 'r1', subject: 'p1', role: 'player' }, 3600, now);
    expect(await verifyToken(SECRET, token, 'r1', now + 1000)).toEqual({
      roomId: 'r1',
      subject: 'p1',
      role: 'player',
      expiresAt: now + 3_600_000,
    });
    expect(await verifyToken(SECRET, token, 'r2', now)).toBe('TOKEN_WRONG_ROOM');
    expect(await verifyToken(SECRET, token, 'r1', now + 3_601_000)).toBe('TOKEN_EXPIRED');
    expect(await verifyToken('another-secret-of-length', token, 'r1', now)).toBe('TOKEN_INVALID');
    const [header, payload, signature] = token.split('.');
    const forged = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/')));
    forged.role = 'admin';
    const forgedPayload = btoa(JSON.stringify(forged)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await verifyToken(SECRET, `${header}.${forgedPayload}.${signature}`, 'r1', now)).toBe('TOKEN_INVALID');
    // Player tokens do not open admin endpoints; expired ones open nothing.
    const fresh = await signToken(SECRET, { roomId: 'r1', subject: 'p1', role: 'player' }, 3600);
    expect(await codeOf(requireAdmin(request(fresh), { LOBBY_SECRET: SECRET }, 'r1'))).toBe('FORBIDDEN');
    expect(await codeOf(requireAdmin(request(token), { LOBBY_SECRET: SECRET }, 'r1'))).toBe('UNAUTHORIZED');
  });

  describe('token format: engine-neutral names, and the legacy format until its tokens expire', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const claims = { roomId: 'r1', subject: 'p1', role: 'player' as const };

    /** A token as the builds before the rename signed it (names of the game, its own key label). */
    async function signAs(
      format: { issuer: string; audience: string; keyLabel: string },
      {
        ttlSeconds = 3600,
        role = 'player',
        roomId = claims.roomId,
        subject = claims.subject,
        at = now,
      }: { ttlSeconds?: number; role?: string; roomId?: string; subject?: string; at?: number } = {},
    ) {
      const hmac = await crypto.subtle.importKey('raw', new TextEncoder().encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]);
      const key = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, new TextEncoder().encode(format.keyLabel)));
      return new SignJWT({ room: roomId, role })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(role === 'admin' ? 'admin' : subject)
        .setIssuer(format.issuer)
        .setAudience(format.audience)
        .setIssuedAt(Math.floor(at / 1000))
        .setExpirationTime(Math.floor(at / 1000) + ttlSeconds)
        .sign(key);
    }
    const LEGACY = { issuer: 'pecking-order', audience: 'pecking-order/room', keyLabel: 'pecking-order/token-key/v1' };
    const CURRENT = { issuer: 'game-rooms', audience: 'game-rooms/room', keyLabel: 'game-rooms/token-key/v1' };
    const accepted = { ...claims, expiresAt: now + 3_600_000 };

    it('signs new tokens with names that are not the game’s, and verifies them', async () => {
      const token = await signToken(SECRET, claims, 3600, now);
      const payload = decodeJwt(token);
      expect(payload).toMatchObject({ iss: 'game-rooms', aud: 'game-rooms/room' });
      expect(JSON.stringify(payload)).not.toContain('pecking');
      expect(await verifyToken(SECRET, token, 'r1', now)).toEqual(accepted);
      expect(token).toBe(await signAs(CURRENT));
    });

    it('still accepts a legacy token (signed as before the rename) until it expires', async () => {
      const legacy = await signAs(LEGACY, { ttlSeconds: 60 * 86_400 });
      expect(await verifyToken(SECRET, legacy, 'r1', now + 59 * 86_400_000)).toEqual({ ...claims, expiresAt: now + 60 * 86_400_000 });
      expect(await verifyToken(SECRET, legacy, 'r2', now)).toBe('TOKEN_WRONG_ROOM');
      expect(await verifyToken(SECRET, legacy, 'r1', now + 60 * 86_400_000 + 1000)).toBe('TOKEN_EXPIRED');
      expect(await verifyToken('another-secret-of-length', legacy, 'r1', now)).toBe('TOKEN_INVALID');
      // A legacy admin token still opens its room's admin endpoints; a legacy player token does not.
      const admin = await signAs(LEGACY, { role: 'admin', at: Date.now() });
      expect(await codeOf(requireAdmin(request(admin), { LOBBY_SECRET: SECRET }, 'r1'))).toBe('OK');
      expect(await codeOf(requireAdmin(request(admin), { LOBBY_SECRET: SECRET }, 'r2'))).toBe('FORBIDDEN');
      expect(await codeOf(requireAdmin(request(await signAs(LEGACY, { at: Date.now() })), { LOBBY_SECRET: SECRET }, 'r1'))).toBe(
        'FORBIDDEN',
      );
    });

    it('lets a player of a room running before the rename connect with the invite they hold', async () => {
      await initRoom('auth-legacy');
      const legacy = await signAs(LEGACY, { roomId: 'auth-legacy', subject: 'ana', at: Date.now(), ttlSeconds: 14 * 86_400 });
      const socket = await TestSocket.open('auth-legacy', `token=${legacy}`);
      expect(await socket.next((f) => f.type === 'welcome')).toMatchObject({ roomId: 'auth-legacy', playerId: 'ana', role: 'player' });
      socket.close();
      const forged = await signAs({ ...LEGACY, issuer: 'someone-else' }, { roomId: 'auth-legacy', subject: 'ana', at: Date.now() });
      const refused = await TestSocket.open('auth-legacy', `token=${forged}`);
      expect(await refused.waitClosed()).toMatchObject({ code: 4002 });
    });

    it('refuses a wrong issuer or audience, and any mix of the two formats', async () => {
      const mixes = [
        { ...CURRENT, issuer: 'someone-else' },
        { ...CURRENT, audience: 'someone-else/room' },
        { ...LEGACY, issuer: 'someone-else' },
        { ...LEGACY, audience: 'game-rooms/room' },
        { ...CURRENT, issuer: LEGACY.issuer, audience: LEGACY.audience }, // legacy names, new key
        { ...LEGACY, issuer: CURRENT.issuer, audience: CURRENT.audience }, // new names, legacy key
        { ...CURRENT, keyLabel: 'game-rooms/token-key/v2' },
      ];
      for (const format of mixes) {
        expect(await verifyToken(SECRET, await signAs(format), 'r1', now), JSON.stringify(format)).toBe('TOKEN_INVALID');
      }
    });
  });
});
