import { describe, expect, it } from 'vitest';
import { configuredSecret, requireAdmin, secretMatches, signToken, verifyToken } from './auth';
import { RoomError } from './room-error';
import { SECRET, initRoom, inRoom } from './test/helpers';

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
      return server.onRequest(new Request('http://x/parties/game-server/auth-1/status', { headers: { Authorization: `Bearer ${SECRET}` } }));
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
    expect(await verifyToken(SECRET, token, 'r1', now + 1000)).toEqual({ roomId: 'r1', subject: 'p1', role: 'player', expiresAt: now + 3_600_000 });
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
});
