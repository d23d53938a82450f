/**
 * Web Push on the wire: the subscription a player registers over their socket, and the payload the
 * room encrypts for it (RFC 8291). The service worker (client/public/sw.js) reads the payload.
 */
import { z } from 'zod';

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url without padding')
    .length(Math.ceil((bytes * 4) / 3));

/** A browser's PushSubscription as `toJSON()` gives it; only https push services are accepted. */
export const PushSubscriptionBody = z.object({
  endpoint: z
    .string()
    .max(2048)
    .url()
    .refine((url) => url.startsWith('https://'), 'a push endpoint is an https URL'),
  keys: z.object({
    /** The browser's P-256 public key, uncompressed (65 bytes). */
    p256dh: base64url(65),
    /** The 16-byte authentication secret. */
    auth: base64url(16),
  }),
});
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

/** What a push carries, decrypted by the service worker. Public facts and the reader's own DMs' sender only. */
export const PushPayload = z.object({
  /** Idempotent: the same push sent again has the same id (the notification's tag). */
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Where a tap opens the app, e.g. `/play?room=r1&screen=dms`. */
  url: z.string(),
});
export type PushPayload = z.infer<typeof PushPayload>;

/** Subscriptions one player may hold (a phone, a laptop…); a new one replaces the oldest. */
export const MAX_PUSH_SUBSCRIPTIONS_PER_PLAYER = 5;
