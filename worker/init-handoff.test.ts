import { describe, expect, it } from 'vitest';
import { call, initRoom, labInit, storedEnvelope } from './test/helpers';

describe('the lobby handoff: POST /init', () => {
  it('creates the room once: 201, then 200 for the same payload, 409 ROOM_EXISTS for another', async () => {
    const first = await call('handoff-1', 'init', { body: labInit() });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ roomId: 'handoff-1', machine: 'timer-lab@1' });
    const envelope = await storedEnvelope('handoff-1');
    expect(envelope?.machine).toBe('timer-lab@1');
    expect(envelope?.snapshot.value).toBe('idle');

    // Same payload with keys in another order: harmless.
    const { manifest, roster, machine } = labInit();
    const again = await call('handoff-1', 'init', { body: { manifest, roster, machine } });
    expect(again.status).toBe(200);
    expect((await storedEnvelope('handoff-1'))?.seq).toBe(envelope?.seq);

    const other = await call('handoff-1', 'init', { body: labInit({ ringAfterMs: 5 }) });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('ROOM_EXISTS');
  });

  it('answers INVALID_INIT with a path and message per problem, and stores nothing', async () => {
    const bad = { machine: 'timer-lab@1', roster: [{ playerId: 'Not Valid!' }], manifest: { ringAfterMs: -1, tickEveryMs: 10 } };
    const { status, json } = await call('handoff-2', 'init', { body: bad });
    expect(status).toBe(400);
    expect(json.error.code).toBe('INVALID_INIT');
    const paths = json.error.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['manifest.echoAfterMs', 'manifest.ringAfterMs', 'roster.0.playerId']);
    for (const issue of json.error.issues) expect(issue.message).toEqual(expect.any(String));
    expect(await storedEnvelope('handoff-2')).toBeUndefined();
  });

  it('answers UNKNOWN_MACHINE listing the registered versions', async () => {
    const { status, json } = await call('handoff-3', 'init', { body: { ...labInit(), machine: 'timer-lab@9' } });
    expect(status).toBe(400);
    expect(json.error.code).toBe('UNKNOWN_MACHINE');
    expect(json.error.known).toContain('timer-lab@1');
  });

  it('refuses a missing or wrong secret with 401, and a player token too', async () => {
    expect((await call('handoff-4', 'init', { body: labInit(), auth: null })).status).toBe(401);
    const wrong = await call('handoff-4', 'init', { body: labInit(), auth: 'not-the-secret-at-all' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('UNAUTHORIZED');
    expect(await storedEnvelope('handoff-4')).toBeUndefined();
  });

  it('refuses bodies over the 64 KiB limit with 413, and bad JSON with 400', async () => {
    const huge = JSON.stringify({ ...labInit(), pad: 'x'.repeat(70 * 1024) });
    const tooLarge = await call('handoff-5', 'init', { rawBody: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const notJson = await call('handoff-5', 'init', { rawBody: '{nope' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('BAD_REQUEST');
  });

  it('answers 404 ROOM_NOT_FOUND for events and status of a room never initialised', async () => {
    const event = await call('handoff-6', 'admin', { body: { type: 'admin.finish' } });
    expect(event.status).toBe(404);
    expect(event.json.error.code).toBe('ROOM_NOT_FOUND');
    const status = await call('handoff-6', 'status');
    expect(status.status).toBe(200);
    expect(status.json.status).toBe('uninitialised');
  });

  it('answers unknown endpoints and methods with stable codes', async () => {
    await initRoom('handoff-7');
    expect((await call('handoff-7', 'nope')).json.error.code).toBe('NOT_FOUND');
    const wrongMethod = await call('handoff-7', 'init', { method: 'GET' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
