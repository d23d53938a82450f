/**
 * Opens the official Stately inspector (stately.ai/inspect, in a new window) on this room's stream,
 * with the hand-off `@statelyai/inspect`'s browser adapter uses: the window says
 * `@statelyai.connected`, then it is sent every event so far and each new one. Done here rather
 * than by the adapter because the adapter keeps every event for a replay (its bound drops the
 * oldest, the root's `@xstate.actor` first, and the window can then draw nothing) and never says
 * when the page cannot be reached. Events go only to the Stately origin: they carry every secret.
 */
import type { AnyStateMachine } from 'xstate';
import type { InspectionRecord, StatelyInspectionEvent } from '../../protocol';
import { rootActorEvent, StatelyStream } from '../inspection/stately-stream';

export const STATELY_URL = 'https://stately.ai/inspect';
const STATELY_ORIGIN = new URL(STATELY_URL).origin;
/** Events kept for the window's (re)connection replay; actor events are kept past it. */
export const STATELY_BUFFER_LIMIT = 5_000;
/** How long the window has to say it is connected before the app says it could not be reached. */
export const STATELY_ANSWER_MS = 15_000;

export const STATELY_OFFLINE = 'The Stately inspector cannot be reached: this browser is offline (stately.ai/inspect is online only).';
export const STATELY_UNREACHABLE =
  'The Stately inspector cannot be reached: stately.ai did not answer. It is online only; check the connection and try again.';

export interface StatelyWindow {
  send(records: readonly InspectionRecord[]): void;
  /** False when the browser blocked the window. */
  opened: boolean;
  /** How many events are kept for a replay (at most {@link STATELY_BUFFER_LIMIT} plus the actor events). */
  buffered(): number;
}

/** What the hand-off needs of the browser (a fake one in tests). */
export interface StatelyHost {
  open(url: string, target: string): { postMessage(message: unknown, targetOrigin: string): void } | null;
  addEventListener(type: 'message', listener: (event: { source: unknown; origin: string; data: unknown }) => void): void;
  addEventListener(type: 'offline', listener: () => void): void;
  navigator: { onLine: boolean };
  fetch(url: string, init: { mode: 'no-cors'; cache: 'no-store' }): Promise<unknown>;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export function openStatelyInspector(
  records: readonly InspectionRecord[],
  machine: AnyStateMachine | undefined,
  onProblem: (message: string) => void,
  host: StatelyHost = window as unknown as StatelyHost,
): StatelyWindow {
  const target = host.open(STATELY_URL, 'xstateinspector');
  const stream = new StatelyStream(STATELY_BUFFER_LIMIT);
  const made = rootActorEvent(records, machine);
  stream.add(records);
  let connected = false;
  const post = (events: readonly StatelyInspectionEvent[]) => {
    for (const event of events) target?.postMessage(event, STATELY_ORIGIN);
  };
  let reported = false;
  const problem = (message: string) => {
    if (connected || reported) return;
    reported = true;
    onProblem(message);
  };

  if (target) {
    host.addEventListener('message', (event) => {
      if (event.source !== target || event.origin !== STATELY_ORIGIN) return;
      if ((event.data as { type?: unknown } | null)?.type !== '@statelyai.connected') return;
      connected = true;
      host.clearTimeout(timer);
      // Also after the Stately page reloads: it starts empty and says connected again.
      post([...(made ? [made] : []), ...stream.history()]);
    });
    host.addEventListener('offline', () => problem(STATELY_OFFLINE));
    const timer = host.setTimeout(() => problem(STATELY_UNREACHABLE), STATELY_ANSWER_MS);
    if (!host.navigator.onLine) problem(STATELY_OFFLINE);
    // An opaque request: it fails only when stately.ai cannot be reached at all, which says so at once.
    else host.fetch(STATELY_URL, { mode: 'no-cors', cache: 'no-store' }).catch(() => problem(STATELY_UNREACHABLE));
  }

  return {
    send(next) {
      const fresh = stream.add(next);
      if (connected) post(fresh);
    },
    opened: target !== null,
    buffered: () => stream.history().length,
  };
}
