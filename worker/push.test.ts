import { evictDurableObject } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { makeInit } from '../machines/pecking-order/testing/fixtures';
import { TestSocket, advance, call, initRoom, inRoom, stub, tokens } from './test/helpers';
import { newSubscriber, pushService } from './test/push-service';
import { toBase64url, vapidOf, vapidProblem, warnNoPush } from './push/vapid';

async function connect(room: string, player: string): Promise<{ socket: TestSocket; welcome: any }> {
  const { players } = await tokens(room);
  const socket = await TestSocket.open(room, `token=${players[player]}`);
  const welcome = await socket.next((f) => f.type === 'welcome');
  return { socket, welcome };
}

async function answer(socket: TestSocket, frame: any): Promise<any> {
  socket.send(frame);
  return socket.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === frame.ref);
}

const pushRows = (room: string) =>
  inRoom(room, (_s, state) => ({
    subscriptions: state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM push_subscriptions').one().n,
    queued: state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM push_outbox').one().n,
  }));

describe('Web Push', () => {
  // First in the file: the log line is said once per isolate.
  it('reads the identity without a word to the log; says once why no push is sent, when push is asked for', () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    try {
      // Every greeting reads the identity: that logs nothing, key or no key.
      expect(vapidOf({})).toBeNull();
      expect(vapidOf({ VAPID_PRIVATE_KEY: '{"kty":"RSA"}' })).toBeNull();
      expect(log).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
      expect(vapidProblem({})).toBe('VAPID_PRIVATE_KEY is not configured');
      expect(vapidProblem({ VAPID_PRIVATE_KEY: '{"kty":"RSA"}' })).toBe('VAPID_PRIVATE_KEY is unusable (not a P-256 private JWK)');
      warnNoPush({});
      warnNoPush({});
      expect(log.mock.calls).toEqual([['push: VAPID_PRIVATE_KEY is not configured, so no Web Push is sent (see README "Deploying")']]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  it('fails closed without a usable VAPID key: no identity, so nothing is offered or queued', async () => {
    expect(vapidOf({})).toBeNull();
    expect(vapidOf({ VAPID_PRIVATE_KEY: '{"kty":"RSA"}' })).toBeNull();
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = JSON.stringify(await crypto.subtle.exportKey('jwk', pair.privateKey));
    const raw = toBase64url(new Uint8Array((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer));
    // As JSON (a secret) or base64url of it (what npm start hands wrangler dev), the same identity.
    expect(vapidOf({ VAPID_PRIVATE_KEY: jwk })?.publicKey).toBe(raw);
    expect(vapidOf({ VAPID_PRIVATE_KEY: toBase64url(new TextEncoder().encode(jwk)) })?.publicKey).toBe(raw);
  });

  it('refuses a subscription that is not a browser push subscription, with BAD_FRAME, to the sender only', async () => {
    await initRoom('push-bad');
    const { socket } = await connect('push-bad', 'ana');
    const bad = { endpoint: 'http://push.test/plain', keys: { p256dh: 'x', auth: 'y' } };
    expect(await answer(socket, { type: 'push.subscribe', ref: 'b1', subscription: bad })).toMatchObject({
      type: 'error',
      code: 'BAD_FRAME',
    });
    expect((await pushRows('push-bad')).subscriptions).toBe(0);
  });

  it('pushes a DM to its recipient alone, signed and encrypted, through an outage and an eviction, exactly once', async () => {
    pushService.deliveries.length = 0;
    await initRoom('push-1');
    const ben = await connect('push-1', 'ben');
    expect(ben.welcome.pushKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const subscriber = await newSubscriber('https://push.test/ben-phone');
    expect(
      await answer(ben.socket, {
        type: 'push.subscribe',
        ref: 's1',
        subscription: { endpoint: subscriber.endpoint, keys: subscriber.keys },
      }),
    ).toMatchObject({ type: 'ack' });
    await evictDurableObject(stub('push-1'));

    // The push service is down when ana writes to ben.
    pushService.status = 500;
    const ana = await connect('push-1', 'ana');
    expect(
      await answer(ana.socket, { type: 'send', ref: 'dm', event: { type: 'lab.say', text: 'a secret plan', to: 'ben' } }),
    ).toMatchObject({ type: 'ack' });
    const attemptsBefore = pushService.attempts;
    await inRoom('push-1', (server) => server.alarm());
    expect(pushService.attempts).toBe(attemptsBefore + 1);
    expect(pushService.deliveries).toEqual([]);
    expect((await pushRows('push-1')).queued).toBe(1);
    await evictDurableObject(stub('push-1'));

    // It recovers; the retry (after its backoff) delivers, and a second alarm sends nothing again.
    pushService.status = 201;
    await advance('push-1', 120_000);
    await inRoom('push-1', (server) => server.alarm());
    await advance('push-1', 120_000);
    await inRoom('push-1', (server) => server.alarm());
    expect(pushService.deliveries).toHaveLength(1);
    const [delivery] = pushService.deliveries;
    expect(delivery!.vapidKey).toBe(ben.welcome.pushKey);
    expect(delivery!.jwt.aud).toBe('https://push.test');
    expect(delivery!.payload).toEqual({
      id: expect.stringMatching(/^dm:\d+:ben:/),
      title: 'New DM',
      body: 'From ana',
      url: '/play?room=push-1&screen=dms',
    });
    // The DM's text never crosses the push service.
    expect(JSON.stringify(delivery!.payload)).not.toContain('secret');
    expect(delivery!.topic).toMatch(/^[a-z0-9]{1,32}$/);
    expect(await pushRows('push-1')).toEqual({ subscriptions: 1, queued: 0 });
  });

  it('drops a subscription the push service calls gone (410), with what was queued for it', async () => {
    pushService.deliveries.length = 0;
    await initRoom('push-2');
    const ben = await connect('push-2', 'ben');
    const subscriber = await newSubscriber('https://push.test/ben-old');
    await answer(ben.socket, { type: 'push.subscribe', ref: 's1', subscription: { endpoint: subscriber.endpoint, keys: subscriber.keys } });
    pushService.status = 410;
    const ana = await connect('push-2', 'ana');
    await answer(ana.socket, { type: 'send', ref: 'dm', event: { type: 'lab.say', text: 'hello', to: 'ben' } });
    await inRoom('push-2', (server) => server.alarm());
    expect(await pushRows('push-2')).toEqual({ subscriptions: 0, queued: 0 });
    // Nothing is queued for a player without subscriptions, and the send task is done.
    await answer(ana.socket, { type: 'send', ref: 'dm2', event: { type: 'lab.say', text: 'again', to: 'ben' } });
    expect(await pushRows('push-2')).toEqual({ subscriptions: 0, queued: 0 });
    pushService.status = 201;
  });

  it('pushes each pecking-order@1 phase as it opens to every subscribed player, once, deep-linked to Today', async () => {
    pushService.deliveries.length = 0;
    const init = makeInit(3, { scheduling: 'ADMIN' });
    await initRoom('push-po', { machine: 'pecking-order@1', ...init });
    const [first] = init.roster;
    const player = await connect('push-po', first!.playerId);
    const subscriber = await newSubscriber('https://push.test/po-p1');
    await answer(player.socket, {
      type: 'push.subscribe',
      ref: 's1',
      subscription: { endpoint: subscriber.endpoint, keys: subscriber.keys },
    });
    expect((await call('push-po', 'admin', { body: { type: 'admin.advance' } })).status).toBe(200);
    expect((await call('push-po', 'admin', { body: { type: 'admin.advance' } })).status).toBe(200);
    await inRoom('push-po', (server) => server.alarm());
    await inRoom('push-po', (server) => server.alarm());
    expect(pushService.deliveries.map((d) => [d.payload.title, d.payload.url])).toEqual([
      ['Day 1: Morning', '/play?room=push-po&screen=today'],
      ['Day 1: DMs are open', '/play?room=push-po&screen=today'],
    ]);
  });
});
