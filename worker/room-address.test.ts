import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_ROOM_ID_LENGTH, isRoomId } from './room-address';
import { ROOM_ERRORS } from '../protocol';
import { ORIGIN, SECRET, call, inRoom, labInit } from './test/helpers';

const fetchEntry = (path: string, init: RequestInit = {}) => (exports as any).default.fetch(`${ORIGIN}${path}`, init) as Promise<Response>;

async function jsonError(response: Response): Promise<{ status: number; code: string }> {
  expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message).toEqual(expect.any(String));
  return { status: response.status, code: body.error.code };
}

const BAD_IDS = [
  '..%2F..%2Fx',
  'a%2Fb',
  'a%5Cb',
  'a%00b',
  'a%20b',
  'a%22b',
  "a'b",
  'a%27b',
  'caf%C3%A9',
  'a.b',
  'a~b',
  'x'.repeat(5_000),
  'x'.repeat(MAX_ROOM_ID_LENGTH + 1),
];

describe('room ids and parties, checked by the Worker entry before any room', () => {
  it('states the rule: 1–64 letters, digits, - and _', () => {
    expect(MAX_ROOM_ID_LENGTH).toBe(64);
    for (const id of ['a', 'Room_1-x', 'x'.repeat(MAX_ROOM_ID_LENGTH), 'abcdefghijkmnpqr']) expect(isRoomId(id), id).toBe(true);
    for (const id of ['', 'a b', 'a/b', 'é', 'x'.repeat(MAX_ROOM_ID_LENGTH + 1)]) expect(isRoomId(id), id).toBe(false);
    expect(ROOM_ERRORS.INVALID_ROOM_ID.meaning).toContain(`1–${MAX_ROOM_ID_LENGTH}`);
  });

  it('refuses a malformed room id on every route with a JSON 400 INVALID_ROOM_ID, and stores nothing', async () => {
    for (const id of BAD_IDS) {
      const init = await fetchEntry(`/parties/game-server/${id}/init`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(labInit()),
      });
      expect(await jsonError(init), id.slice(0, 20)).toEqual({ status: 400, code: 'INVALID_ROOM_ID' });
      for (const action of ['status', 'tokens', 'admin', 'upgrade', 'timers/fire', 'nope']) {
        const response = await fetchEntry(`/parties/game-server/${id}/${action}`, { headers: { Authorization: `Bearer ${SECRET}` } });
        expect(await jsonError(response), `${id.slice(0, 20)} ${action}`).toEqual({ status: 400, code: 'INVALID_ROOM_ID' });
      }
      expect(await jsonError(await fetchEntry(`/parties/game-server/${id}`)), id.slice(0, 20)).toEqual({
        status: 400,
        code: 'INVALID_ROOM_ID',
      });
    }
    // No object under either spelling of the traversal id was ever started, let alone initialised.
    for (const name of ['..%2F..%2Fx', '../../x']) {
      const tables = await inRoom(name, (_server, state) =>
        state.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table'").toArray(),
      );
      expect(tables, name).toEqual([]);
    }
  });

  it('refuses a WebSocket upgrade to a malformed room id with the same JSON 400, before any socket', async () => {
    for (const id of ['a%20b', 'x'.repeat(5_000), '..%2Fx']) {
      const response = await fetchEntry(`/parties/game-server/${id}?token=x`, { headers: { Upgrade: 'websocket' } });
      expect(response.webSocket).toBeNull();
      expect(await jsonError(response)).toEqual({ status: 400, code: 'INVALID_ROOM_ID' });
    }
    for (const path of ['/parties/game-server/a%20b/inspect', '/parties/nope/room-1']) {
      const response = await fetchEntry(path, { headers: { Upgrade: 'websocket' } });
      expect(response.webSocket).toBeNull();
      expect((await jsonError(response)).status).toBeGreaterThanOrEqual(400);
    }
  });

  it('serves a well-formed id of the maximum length', async () => {
    const id = `R_-${'x'.repeat(MAX_ROOM_ID_LENGTH - 3)}`;
    expect((await call(id, 'init', { body: labInit() })).status).toBe(201);
    expect((await call(id, 'status')).json).toMatchObject({ roomId: id, status: 'running' });
  });

  it('answers an unknown party with a JSON 404', async () => {
    for (const path of [
      '/parties/nope/x',
      '/parties/nope/x/init',
      '/parties/GameServer/x/status',
      '/parties/constructor/x',
      `/parties/${'p'.repeat(3_000)}/x`,
    ]) {
      expect(await jsonError(await fetchEntry(path)), path.slice(0, 40)).toEqual({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('answers inherited property names as endpoints with a JSON 404, not a lookup on the prototype', async () => {
    for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      for (const method of ['GET', 'POST']) {
        const response = await fetchEntry(`/parties/game-server/proto-1/${action}`, {
          method,
          headers: { Authorization: `Bearer ${SECRET}` },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(await jsonError(response), `${method} ${action}`).toEqual({ status: 404, code: 'NOT_FOUND' });
      }
    }
  });
});
