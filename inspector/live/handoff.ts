/**
 * How credentials reach the inspector without a URL that browsers keep in history:
 *
 * - typed into the connect form (a password field);
 * - left in this tab's `sessionStorage` under {@link HANDOFF_KEY} as `{ roomId, token }` by a page
 *   of the same origin that then navigates here or opens this page (a tab opened by `window.open`
 *   starts with a copy of its opener's sessionStorage);
 * - posted by the opener: this page posts `{ type: 'inspector.ready' }` to `window.opener`, which
 *   answers `{ type: 'inspector.connect', roomId, token }` (same origin only).
 *
 * While connected, the credentials stay in this tab's sessionStorage so a reload reconnects; the
 * Disconnect button forgets them.
 */

export const HANDOFF_KEY = 'pecking-order:inspector';

export interface Credentials {
  roomId: string;
  token: string;
}

const isCredentials = (value: unknown): value is Credentials =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Credentials).roomId === 'string' &&
  typeof (value as Credentials).token === 'string' &&
  (value as Credentials).roomId.length > 0 &&
  (value as Credentials).token.length > 0;

export function storedCredentials(): Credentials | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(HANDOFF_KEY) ?? 'null');
    return isCredentials(value) ? { roomId: value.roomId, token: value.token } : null;
  } catch {
    return null;
  }
}

export function rememberCredentials(credentials: Credentials): void {
  sessionStorage.setItem(HANDOFF_KEY, JSON.stringify(credentials));
}

export function forgetCredentials(): void {
  sessionStorage.removeItem(HANDOFF_KEY);
}

/** Listens for credentials posted by the opener; returns the unsubscribe. */
export function listenForHandoff(receive: (credentials: Credentials) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as { type?: unknown } | null;
    if (data?.type === 'inspector.connect' && isCredentials(data)) receive({ roomId: data.roomId, token: data.token });
  };
  window.addEventListener('message', onMessage);
  try {
    window.opener?.postMessage({ type: 'inspector.ready' }, window.location.origin);
  } catch {
    // an opener of another origin: it gets nothing
  }
  return () => window.removeEventListener('message', onMessage);
}
