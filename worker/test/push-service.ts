/**
 * A Web Push service inside the tests: the rooms' push transport (worker/test/entry.ts) sends here,
 * and it does what a real one must: checks the VAPID JWT (ES256, against the key in the request,
 * which must be the room's), and, as the browser would, decrypts the payload (RFC 8291 aes128gcm)
 * with the subscription's private keys, which the test generated. Module state, so it outlives
 * a room's eviction.
 */
import { fromBase64url, toBase64url } from '../push/vapid';

export interface TestSubscriber {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  privateKey: CryptoKey;
  rawPublic: Uint8Array;
  auth: Uint8Array;
}

export interface Delivery {
  endpoint: string;
  status: number;
  payload: any;
  topic: string | null;
  jwt: { aud: string; exp: number; sub: string };
  vapidKey: string;
}

/** How the service answers now: 201 (accepted), or an outage (500), or gone (410). */
export const pushService = { status: 201, deliveries: [] as Delivery[], attempts: 0, subscribers: new Map<string, TestSubscriber>() };

export async function newSubscriber(endpoint: string): Promise<TestSubscriber> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
  const rawPublic = new Uint8Array((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer);
  const auth = crypto.getRandomValues(new Uint8Array(16));
  const subscriber = {
    endpoint,
    keys: { p256dh: toBase64url(rawPublic), auth: toBase64url(auth) },
    privateKey: pair.privateKey,
    rawPublic,
    auth,
  };
  pushService.subscribers.set(endpoint, subscriber);
  return subscriber;
}

export async function receivePush(url: string, init: RequestInit): Promise<Response> {
  pushService.attempts++;
  const headers = new Headers(init.headers);
  const body = new Uint8Array(init.body as ArrayBuffer);
  const subscriber = pushService.subscribers.get(url);
  if (!subscriber) return new Response('no such subscription', { status: 404 });
  const { jwt, vapidKey } = await verifiedVapid(headers.get('authorization') ?? '', new URL(url).origin);
  if (headers.get('content-encoding') !== 'aes128gcm') throw new Error('not aes128gcm');
  if (pushService.status >= 300) return new Response('push service says no', { status: pushService.status });
  const payload = JSON.parse(new TextDecoder().decode(await decrypt(body, subscriber)));
  pushService.deliveries.push({ endpoint: url, status: pushService.status, payload, topic: headers.get('topic'), jwt, vapidKey });
  return new Response(null, { status: pushService.status });
}

/** RFC 8292: `vapid t=<ES256 JWT>, k=<public key>`; the signature must verify against k, the audience be the service. */
async function verifiedVapid(authorization: string, origin: string) {
  const match = /^vapid t=([^,]+),\s*k=(\S+)$/.exec(authorization);
  if (!match) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [, token, vapidKey] = match as unknown as [string, string, string];
  const [header, claims, signature] = token.split('.') as [string, string, string];
  const key = await crypto.subtle.importKey('raw', fromBase64url(vapidKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  const ok = await crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    fromBase64url(signature),
    new TextEncoder().encode(`${header}.${claims}`),
  );
  if (!ok) throw new Error('the VAPID signature does not verify');
  const jwt = JSON.parse(new TextDecoder().decode(fromBase64url(claims)));
  if (JSON.parse(new TextDecoder().decode(fromBase64url(header))).alg !== 'ES256') throw new Error('not ES256');
  if (jwt.aud !== origin) throw new Error(`wrong audience ${jwt.aud}`);
  return { jwt, vapidKey };
}

async function hkdf(salt: Uint8Array, ikm: Uint8Array, info: Uint8Array, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, bytes * 8));
}

const bytes = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, at), (at += part.length);
  return out;
};

/** RFC 8291 §3.4 and RFC 8188: one record, header salt | rs | idlen | keyid (the sender's public key). */
async function decrypt(body: Uint8Array, subscriber: TestSubscriber): Promise<Uint8Array> {
  const salt = body.slice(0, 16);
  const idlen = body[20]!;
  const senderPublic = body.slice(21, 21 + idlen);
  const ciphertext = body.slice(21 + idlen);
  const sender = await crypto.subtle.importKey('raw', senderPublic, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const shared = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'ECDH', public: sender } as unknown as SubtleCryptoDeriveKeyAlgorithm,
      subscriber.privateKey,
      256,
    ),
  );
  const ikm = await hkdf(subscriber.auth, shared, concat(bytes('WebPush: info\0'), subscriber.rawPublic, senderPublic), 32);
  const cek = await hkdf(salt, ikm, bytes('Content-Encoding: aes128gcm\0'), 16);
  const nonce = await hkdf(salt, ikm, bytes('Content-Encoding: nonce\0'), 12);
  const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['decrypt']);
  const padded = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce }, key, ciphertext));
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.slice(0, end);
}
