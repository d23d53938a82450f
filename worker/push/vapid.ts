/**
 * The room's VAPID identity, from the optional `VAPID_PRIVATE_KEY` secret: a P-256 private key as
 * a JWK, as JSON or base64url of that JSON (`npm start` generates one into .dev.vars and passes it
 * base64url to wrangler dev; production: `wrangler secret put`). Without it
 * the room sends no push at all and says so once in the log: nothing else changes (fail closed).
 */
export interface Vapid {
  privateJwk: JsonWebKey;
  /** The public key, base64url of the uncompressed point: the browser's `applicationServerKey`. */
  publicKey: string;
  /** Who the push service may contact about this sender (RFC 8292 `sub`). */
  subject: string;
}

/** The VAPID variables; not declared in wrangler.toml, so a deployment without them still runs. */
export interface PushEnv {
  VAPID_PRIVATE_KEY?: string;
  VAPID_SUBJECT?: string;
}

let warned = false;

export function vapidOf(env: PushEnv): Vapid | null {
  const raw = env.VAPID_PRIVATE_KEY?.trim();
  if (!raw) {
    if (!warned) console.log('push: VAPID_PRIVATE_KEY is not configured, so no Web Push is sent (see README "Deploying")');
    warned = true;
    return null;
  }
  try {
    const json = raw.startsWith('{') ? raw : new TextDecoder().decode(fromBase64url(raw));
    const jwk = JSON.parse(json) as JsonWebKey;
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.x || !jwk.y) throw new Error('not a P-256 private JWK');
    const point = new Uint8Array([4, ...fromBase64url(jwk.x), ...fromBase64url(jwk.y)]);
    return { privateJwk: jwk, publicKey: toBase64url(point), subject: env.VAPID_SUBJECT?.trim() || 'mailto:host@pecking-order.invalid' };
  } catch (error) {
    if (!warned) console.error(`push: VAPID_PRIVATE_KEY is unusable (${(error as Error).message}), so no Web Push is sent`);
    warned = true;
    return null;
  }
}

export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
