/**
 * "Get notified": offered once the player has seen what a notice is (the first one of a session),
 * never on first load, and only when the room sends Web Push and this browser can receive it. The
 * browser's permission prompt opens only from the player's own tap. A "no" is remembered.
 */
import { useEffect, useState } from 'react';
import type { ClientFrame } from '../../protocol';
import { usePlayerApi, usePlayerState } from './player-context';

const DECLINED = 'po:push-declined';

function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Subscribes this browser and registers it with the room; throws with a sentence for the player. */
export async function subscribeToPush(
  pushKey: string,
  sendPush: (frame: Extract<ClientFrame, { type: 'push.subscribe' }>) => boolean,
): Promise<void> {
  const registration = await navigator.serviceWorker.register('/sw.js');
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new Error('Notifications are blocked for this site; allow them in the browser settings.');
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(pushKey) });
  const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  if (
    !sendPush({
      type: 'push.subscribe',
      ref: `push-${Date.now().toString(36)}`,
      subscription: { endpoint: json.endpoint, keys: json.keys },
    })
  ) {
    throw new Error('Not connected: try again when the game is back.');
  }
}

export function PushOffer({ ready }: { ready: boolean }) {
  const pushKey = usePlayerState((s) => s.pushKey);
  const { sendPush } = usePlayerApi();
  const [state, setState] = useState<'offer' | 'working' | 'done' | 'hidden'>(() =>
    typeof localStorage !== 'undefined' && localStorage.getItem(DECLINED) ? 'hidden' : 'offer',
  );
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    // A browser that already receives pushes needs no offer.
    if (!pushSupported()) return;
    navigator.serviceWorker
      .getRegistration('/')
      .then((registration) => registration?.pushManager.getSubscription())
      .then((subscription) => subscription && setState((s) => (s === 'offer' ? 'hidden' : s)))
      .catch(() => undefined);
  }, []);
  if (!ready || !pushKey || !pushSupported() || state === 'hidden') return null;
  // Blocked: the card cannot help (its problem line says how, once the player tried).
  if (state !== 'done' && Notification.permission === 'denied' && !problem) return null;
  if (state === 'done')
    return (
      <p className="notice ok" role="status">
        Notifications are on for this game.
      </p>
    );
  return (
    <section className="notice push-offer" aria-label="Get notified" data-testid="push-offer">
      <strong>Get notified</strong> when a phase opens, the vote starts or someone DMs you, even with this page closed.
      {problem && <p className="detail">{problem}</p>}
      <div className="actions">
        <button
          type="button"
          disabled={state === 'working'}
          onClick={() => {
            setState('working');
            subscribeToPush(pushKey, sendPush).then(
              () => setState('done'),
              (error: Error) => (setProblem(error.message), setState('offer')),
            );
          }}
        >
          Turn on notifications
        </button>
        <button
          type="button"
          className="link"
          onClick={() => {
            localStorage.setItem(DECLINED, '1');
            setState('hidden');
          }}
        >
          Not now
        </button>
      </div>
    </section>
  );
}
