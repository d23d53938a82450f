/**
 * Open-loop load: actions are sent on a fixed schedule (action k at k / rate seconds), whatever the
 * room's answers, so a slow room shows up as latency rather than as a politely slower client.
 * A run records its trace (when, who, which frame) so the same frames can be replayed at the same
 * moments against the baseline room. Latency is read afterwards from what each socket recorded.
 */
import type { PlayerSocket } from './player-socket';

export interface TraceEntry {
  /** ms after the run's start. */
  offset: number;
  player: number;
  ref: string;
  /** The game event's type. */
  type: string;
  frame: string;
}

export interface SentAction {
  player: number;
  ref: string;
  type: string;
  sentAt: number;
}

export interface Run {
  actions: SentAction[];
  trace: TraceEntry[];
  durationMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `count` actions at `rate` per second, round-robin over players; `choose` builds each event (null: skip). */
export async function driveOpenLoop(options: {
  sockets: PlayerSocket[];
  rate: number;
  count: number;
  choose: (player: number) => { type: string; [key: string]: unknown } | null;
  onProgress?: (sent: number) => void;
}): Promise<Run> {
  const { sockets, rate, count, choose } = options;
  const actions: SentAction[] = [];
  const trace: TraceEntry[] = [];
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const offset = (k * 1000) / rate;
    const wait = t0 + offset - performance.now();
    if (wait > 1) await sleep(wait);
    const player = k % sockets.length;
    const socket = sockets[player]!;
    if (socket.closed) continue;
    const event = choose(player);
    if (!event) continue;
    const { ref, sentAt, frame } = socket.send(event);
    actions.push({ player, ref, type: event.type, sentAt });
    trace.push({ offset, player, ref, type: event.type, frame });
    if (k % 20 === 0) options.onProgress?.(k);
  }
  return { actions, trace, durationMs: performance.now() - t0 };
}

/** Sends a recorded trace's frames at their recorded moments (to the same player index). */
export async function replayTrace(
  sockets: PlayerSocket[],
  trace: readonly TraceEntry[],
  onProgress?: (sent: number) => void,
): Promise<Run> {
  const actions: SentAction[] = [];
  const t0 = performance.now();
  for (const [i, entry] of trace.entries()) {
    const wait = t0 + entry.offset - performance.now();
    if (wait > 1) await sleep(wait);
    const socket = sockets[entry.player % sockets.length]!;
    actions.push({ player: entry.player % sockets.length, ref: entry.ref, type: entry.type, sentAt: socket.sendRaw(entry.frame) });
    if (i % 20 === 0) onProgress?.(i);
  }
  return { actions, trace: [...trace], durationMs: performance.now() - t0 };
}

/**
 * Waits (bounded) until every action is answered and every socket has received all the room sent
 * it until then (the ping barrier): a player whose view did not change gets no frame, so waiting
 * for a seq would wait for the next action's view instead. Returns the sockets that got there.
 */
export async function settle(sockets: PlayerSocket[], actions: readonly SentAction[], timeoutMs = 10_000): Promise<Set<PlayerSocket>> {
  await Promise.all(actions.map((a) => sockets[a.player]!.answer(a.ref, timeoutMs)));
  const synced = await Promise.all(sockets.map((s) => s.sync(timeoutMs)));
  return new Set(sockets.filter((_, i) => synced[i]));
}

export interface Measured {
  /** Send → the sender's view after its ack, ms. */
  sender: number[];
  /** Send → the last other player's view, ms (every other player has it). */
  everyone: number[];
  /** Send → the ack, ms. */
  ack: number[];
  accepted: number;
  refused: Record<string, number>;
  /** Accepted, but some socket did not get through the ping barrier (closed, or too slow): its views are unknown. */
  lost: number;
  /**
   * Accepted actions after which the sender's view did not change (`sender`), and after which no
   * other socket's did (`everyone`: a group chat post changes no view; its message goes out as a
   * `messages` frame). They have no view latency and are left out of those distributions.
   */
  noViewChange: { sender: number; everyone: number };
  /** Every accepted action: when it was sent (ms after the first), its type and latencies. */
  records: { at: number; type: string; ack: number; sender: number; everyone: number }[];
}

/**
 * Latencies of `actions` from what each socket recorded. A socket's view of an action is the view
 * (or patch) with exactly the ack's seq: the room sends one per step to each socket whose view
 * changed, so a later seq belongs to a later action. `synced` (from {@link settle}) says which
 * sockets are known to have received everything; without it every open socket is taken as synced.
 */
export function measure(sockets: PlayerSocket[], actions: readonly SentAction[], synced?: Set<PlayerSocket>): Measured {
  const result: Measured = {
    sender: [],
    everyone: [],
    ack: [],
    accepted: 0,
    refused: {},
    lost: 0,
    noViewChange: { sender: 0, everyone: 0 },
    records: [],
  };
  const t0 = actions[0]?.sentAt ?? 0;
  for (const action of actions) {
    const answer = sockets[action.player]!.answers.get(action.ref);
    if (!answer || answer.kind === 'error') {
      const code = answer?.kind === 'error' ? answer.code : 'NO_ANSWER';
      result.refused[code] = (result.refused[code] ?? 0) + 1;
      continue;
    }
    result.accepted++;
    result.ack.push(answer.at - action.sentAt);
    let last = NaN;
    let sender = NaN;
    let lost = false;
    for (const [i, socket] of sockets.entries()) {
      if (synced ? !synced.has(socket) : socket.closed) {
        lost = true;
        continue;
      }
      const view = socket.viewAtOrAfter(answer.seq);
      if (!view || view.seq !== answer.seq) continue; // this socket's view did not change
      if (i === action.player) sender = view.at - action.sentAt;
      else last = Number.isNaN(last) ? view.at - action.sentAt : Math.max(last, view.at - action.sentAt);
    }
    if (Number.isNaN(sender)) result.noViewChange.sender++;
    else result.sender.push(sender);
    if (lost) result.lost++;
    else if (Number.isNaN(last)) result.noViewChange.everyone++;
    else result.everyone.push(last);
    result.records.push({ at: action.sentAt - t0, type: action.type, ack: answer.at - action.sentAt, sender, everyone: lost ? NaN : last });
  }
  return result;
}
