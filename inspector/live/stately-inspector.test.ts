import { describe, expect, it, vi } from 'vitest';
import { STATELY_INSPECT_VERSION, type InspectionRecord } from '../../protocol';
import {
  openStatelyInspector,
  STATELY_ANSWER_MS,
  STATELY_BUFFER_LIMIT,
  STATELY_OFFLINE,
  STATELY_UNREACHABLE,
  type StatelyHost,
} from './stately-inspector';

const base = { rootId: 'root', id: null, createdAt: '1', _version: STATELY_INSPECT_VERSION } as const;
const records = (from: number, count: number): InspectionRecord[] =>
  Array.from({ length: count }, (_, i) => ({
    n: from + i,
    seq: from + i,
    at: 1,
    event:
      from + i === 1
        ? { ...base, type: '@xstate.actor' as const, sessionId: 'root', name: 'game', definition: '{}' }
        : { ...base, type: '@xstate.snapshot' as const, sessionId: 'root', event: { type: 'e' }, snapshot: { value: String(from + i) } },
  }));

/** A browser stand-in: the Stately window records what it is posted; the page's listeners can be fired. */
function fakeHost({ online = true, reachable = true } = {}) {
  const posted: { message: any; origin: string }[] = [];
  const target = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
  const listeners: Record<string, ((event: any) => void)[]> = {};
  const host: StatelyHost = {
    open: () => target,
    addEventListener: (type: string, listener: (event: any) => void) => void (listeners[type] ??= []).push(listener),
    navigator: { onLine: online },
    fetch: () => (reachable ? Promise.resolve({}) : Promise.reject(new TypeError('Failed to fetch'))),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  };
  const fire = (type: string, event?: unknown) => {
    for (const l of listeners[type] ?? []) l(event);
  };
  const connect = () => fire('message', { source: target, origin: 'https://stately.ai', data: { type: '@statelyai.connected' } });
  return { host, posted, fire, connect, target };
}

describe('openStatelyInspector', () => {
  it('keeps at most STATELY_BUFFER_LIMIT events for the replay, the root actor event among them', () => {
    const fake = fakeHost();
    const window = openStatelyInspector(records(1, 10), undefined, () => {}, fake.host);
    window.send(records(11, STATELY_BUFFER_LIMIT * 3));
    expect(window.buffered()).toBe(STATELY_BUFFER_LIMIT);
    fake.connect();
    expect(fake.posted).toHaveLength(STATELY_BUFFER_LIMIT);
    expect(fake.posted[0]!.message).toMatchObject({ type: '@xstate.actor', sessionId: 'root', snapshot: { status: 'active' } });
    expect(fake.posted.at(-1)!.message.snapshot.value).toBe(String(10 + STATELY_BUFFER_LIMIT * 3));
    expect(new Set(fake.posted.map((p) => p.origin))).toEqual(new Set(['https://stately.ai']));
    // Live events go straight on once connected; a message from another window is not the inspector.
    window.send(records(20_000, 1));
    expect(fake.posted).toHaveLength(STATELY_BUFFER_LIMIT + 1);
    fake.fire('message', { source: {}, origin: 'https://stately.ai', data: { type: '@statelyai.connected' } });
    expect(fake.posted).toHaveLength(STATELY_BUFFER_LIMIT + 1);
  });

  it('says so when the browser is offline, or goes offline before the window answers', () => {
    const offline = fakeHost({ online: false });
    const problems: string[] = [];
    openStatelyInspector(records(1, 3), undefined, (m) => problems.push(m), offline.host);
    expect(problems).toEqual([STATELY_OFFLINE]);

    const later = fakeHost();
    const more: string[] = [];
    openStatelyInspector(records(1, 3), undefined, (m) => more.push(m), later.host);
    later.fire('offline');
    expect(more).toEqual([STATELY_OFFLINE]);
  });

  it('says so when stately.ai cannot be reached, or the window never answers', async () => {
    const unreachable = fakeHost({ reachable: false });
    const problems: string[] = [];
    openStatelyInspector(records(1, 3), undefined, (m) => problems.push(m), unreachable.host);
    await vi.waitFor(() => expect(problems).toEqual([STATELY_UNREACHABLE]));

    vi.useFakeTimers();
    try {
      const silent = fakeHost();
      const late: string[] = [];
      openStatelyInspector(records(1, 3), undefined, (m) => late.push(m), silent.host);
      vi.advanceTimersByTime(STATELY_ANSWER_MS - 1);
      expect(late).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(late).toEqual([STATELY_UNREACHABLE]);

      const answered = fakeHost();
      const none: string[] = [];
      openStatelyInspector(records(1, 3), undefined, (m) => none.push(m), answered.host);
      answered.connect();
      vi.advanceTimersByTime(STATELY_ANSWER_MS);
      expect(none).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
