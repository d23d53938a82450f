/**
 * The room's VAPID identity, from the optional `VAPID_PRIVATE_KEY` secret: a P-256 private key as
 * a JWK, as JSON or base64url of that JSON (`npm start` generates one into .dev.vars and passes it
 * base64url to wrangler dev; production: `wrangler secret put`). Without it
 * the room sends no push at all and says so once in the log, when a push is first asked for: nothing
 * else changes (fail closed).
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

/**
 * The identity from the env, or null without a usable key. Pure: it logs nothing, because the room
 * reads it for every greeting (the `welcome` frame's `pushKey`); {@link warnNoPush} says why not.
 */
export function vapidOf(env: PushEnv): Vapid | null {
  return readVapid(env).vapid;
}

/** Why this server sends no Web Push, in words for the log; null when it has a usable key. */
export function vapidProblem(env: PushEnv): string | null {
  return readVapid(env).problem;
}

let warned = false;

/**
 * Says once per isolate, when a push is first asked for (a player subscribes, a push task runs),
 * that none is sent and why. Not at the first greeting: the log line was the largest part of a
 * cold room's greeting (the first `console.log` in an isolate), for a player who asked for nothing.
 */
export function warnNoPush(env: PushEnv): void {
  const problem = vapidProblem(env);
  if (!problem || warned) return;
  warned = true;
  // A key that is set but unusable is a deployment's mistake; a missing one is a choice (local runs).
  const log = env.VAPID_PRIVATE_KEY?.trim() ? console.error : console.log;
  log(`push: ${problem}, so no Web Push is sent (see README "Deploying")`);
}

function readVapid(env: PushEnv): { vapid: Vapid | null; problem: string | null } {
  const raw = env.VAPID_PRIVATE_KEY?.trim();
  if (!raw) return { vapid: null, problem: 'VAPID_PRIVATE_KEY is not configured' };
  try {
    const json = raw.startsWith('{') ? raw : new TextDecoder().decode(fromBase64url(raw));
    const jwk = JSON.parse(json) as JsonWebKey;
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.x || !jwk.y) throw new Error('not a P-256 private JWK');
    const point = new Uint8Array([4, ...fromBase64url(jwk.x), ...fromBase64url(jwk.y)]);
    return {
      vapid: { privateJwk: jwk, publicKey: toBase64url(point), subject: env.VAPID_SUBJECT?.trim() || 'mailto:host@pecking-order.invalid' },
      problem: null,
    };
  } catch (error) {
    return { vapid: null, problem: `VAPID_PRIVATE_KEY is unusable (${(error as Error).message})` };
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
