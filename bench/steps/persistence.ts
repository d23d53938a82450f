/**
 * Step 3, persistence cost: a heavy game — 20 bots, 7 days, thousands of chat messages and DMs —
 * driven as fast as the room allows (ADMIN scheduling, `admin.advance` between phases), with an
 * inspection stream reporting the room's status after every persisted transition: the envelope's
 * size and the bytes each transition wrote. Both must stay flat as the history grows.
 */
import type { BenchContext } from '../context';
import { BotRoom } from '../bot-room';
import { InspectorSocket } from '../inspector-socket';
import type { RoomStatus } from '../room-api';
import { distribution, quartileDrift, round, slope, type Distribution } from '../stats';

export const LIMIT_BYTES = 64 * 1024;

/** Rounds of moves per phase: in a round every bot with something to do makes one move. */
const ROUNDS: Record<string, number> = { pregame: 2, morning: 6, social: 30, voting: 10, results: 6, night: 0 };
const SMOKE_ROUNDS: Record<string, number> = { pregame: 1, morning: 1, social: 2, voting: 2, results: 1, night: 0 };
/** A bot sends at most one frame a round, and a round lasts at least this: under the 10 frames/s limit. */
const MIN_ROUND_MS = 110;
const MAX_ADVANCES = 200;
const MAX_WALL_MS = 12 * 60_000;

export interface SeriesPoint {
  /** Envelope seq (one per persisted transition). */
  seq: number;
  envelopeBytes: number;
  /** Bytes this transition wrote (snapshot, timers, messages, facts, the input log's row and checkpoints). */
  transitionBytes: number;
}

export interface Drift {
  first: number;
  last: number;
  max: number;
  firstQuartileMean: number;
  lastQuartileMean: number;
  /** last-quartile mean / first-quartile mean. */
  ratio: number;
  /** Least-squares slope, bytes per 1,000 transitions. */
  slopePer1000: number;
}

export interface PersistenceResult {
  players: number;
  days: number;
  finished: boolean;
  wallSeconds: number;
  transitions: number;
  accepted: Record<string, number>;
  refused: Record<string, number>;
  chatMessages: number;
  dms: number;
  envelope: Drift;
  perTransition: Drift & { distribution: Distribution };
  /**
   * Bytes written per transition against the envelope's size at that transition: the p50 of the
   * per-transition ratio, and p50 bytes over p50 envelope (target ≤ 1.25).
   */
  writtenToEnvelope: { p50: number; ofP50s: number };
  /** Every point, thinned to at most 300 for the report's chart. */
  series: SeriesPoint[];
  limitBytes: number;
  underLimit: boolean;
  /**
   * What the root snapshot's context holds, bytes of JSON per key, at the start of each day and at
   * the end (from the inspection stream): which parts grow with the game.
   */
  contextByDay: { day: number; total: number; keys: Record<string, number> }[];
}

function drift(seqs: number[], values: number[]): Drift {
  const q = quartileDrift(values);
  return {
    first: values[0] ?? 0,
    last: values.at(-1) ?? 0,
    max: Math.max(0, ...values),
    ...q,
    slopePer1000: round(slope(seqs, values) * 1000, 1),
  };
}

function thin<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const step = points.length / max;
  return Array.from({ length: max }, (_, i) => points[Math.floor(i * step)]!).concat(points.at(-1)!);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function persistenceStep(ctx: BenchContext): Promise<PersistenceResult> {
  const players = ctx.smoke ? 5 : 20;
  const days = ctx.smoke ? 2 : 7;
  const rounds = ctx.smoke ? SMOKE_ROUNDS : ROUNDS;
  const { progress, target } = ctx;
  const started = performance.now();

  progress.update(`creating a ${players}-player, ${days}-day game`);
  const room = await BotRoom.create(target, { players, preset: 'TEST', scheduling: 'ADMIN', startingSilver: 10_000, days });
  const points: SeriesPoint[] = [];
  let previous: RoomStatus['writes'] | null = null;
  const contextByDay: PersistenceResult['contextByDay'] = [];
  const sampleContext = (day: number) => {
    const snapshot = inspector
      .lastRecords()
      .filter((r) => r.event.type === '@xstate.snapshot' && r.event.sessionId === 'root')
      .at(-1)?.event.snapshot;
    if (!snapshot?.context) return;
    const keys = Object.fromEntries(Object.entries(snapshot.context).map(([k, v]) => [k, JSON.stringify(v ?? null).length]));
    contextByDay.push({ day, total: JSON.stringify(snapshot.context).length, keys });
  };
  const inspector = await InspectorSocket.open(target.baseUrl, room.roomId, target.secret, {
    keepLast: true,
    onStatus: (status) => {
      const writes = status.writes;
      if (previous && writes.transitions > previous.transitions) {
        const count = writes.transitions - previous.transitions;
        const bytes = writes.bytes - previous.bytes;
        // A status can follow more than one transition (an event and the timers it made due).
        const earlier = count > 1 ? (bytes - writes.lastTransitionBytes) / (count - 1) : 0;
        for (let i = 1; i < count; i++)
          points.push({ seq: status.seq - count + i, envelopeBytes: status.envelopeBytes, transitionBytes: Math.round(earlier) });
        points.push({ seq: status.seq, envelopeBytes: status.envelopeBytes, transitionBytes: writes.lastTransitionBytes });
      }
      previous = writes;
    },
  });
  previous = inspector.hello!.status.writes;

  const accepted: Record<string, number> = {};
  const refused: Record<string, number> = {};
  let finished = false;
  try {
    for (let advance = 0; advance < MAX_ADVANCES && performance.now() - started < MAX_WALL_MS; advance++) {
      const view = room.view();
      if (view.phase === 'gameOver') {
        finished = true;
        break;
      }
      for (let round = 0; round < (rounds[view.phase] ?? 0); round++) {
        const roundStart = performance.now();
        await Promise.all(
          room.sockets.map(async (socket, i) => {
            const move = room.move(i);
            if (!move) return;
            const { ref } = socket.send({ type: move.type, ...move.payload });
            const answer = await socket.answer(ref);
            if (answer.kind === 'ack') {
              accepted[move.type] = (accepted[move.type] ?? 0) + 1;
              // Everything the room sent for it (its view, if it changed; the messages) has arrived.
              await socket.sync();
            } else {
              refused[answer.code] = (refused[answer.code] ?? 0) + 1;
            }
          }),
        );
        const total = Object.values(accepted).reduce((a, b) => a + b, 0);
        progress.update(`day ${view.day} ${view.phase}, round ${round + 1}: ${total} actions, ${points.length} transitions`);
        const rest = MIN_ROUND_MS - (performance.now() - roundStart);
        if (rest > 0) await sleep(rest);
      }
      await room.advance();
      if (room.view().day !== view.day || room.view().phase === 'gameOver') {
        await sleep(50); // the records frame of the advance
        sampleContext(room.view().phase === 'gameOver' ? -1 : room.view().day);
      }
    }
    finished ||= room.view().phase === 'gameOver';
    await sleep(200); // the last status frames
  } finally {
    inspector.close();
    room.close();
  }
  ctx.shared.finishedGame = { roomId: room.roomId, token: room.game.tokens.get(room.ids[0]!)! };

  const seqs = points.map((p) => p.seq);
  const perTransition = points.map((p) => p.transitionBytes);
  const envelope = points.map((p) => p.envelopeBytes);
  const envelopeDrift = drift(seqs, envelope);
  const transitionDrift = drift(seqs, perTransition);
  return {
    players,
    days,
    finished,
    wallSeconds: round((performance.now() - started) / 1000, 1),
    transitions: points.length,
    accepted,
    refused,
    chatMessages: accepted['chat.post'] ?? 0,
    dms: accepted['dm.send'] ?? 0,
    envelope: envelopeDrift,
    perTransition: { ...transitionDrift, distribution: distribution(perTransition) },
    writtenToEnvelope: {
      p50: distribution(points.map((p) => p.transitionBytes / Math.max(1, p.envelopeBytes))).p50,
      ofP50s: round(distribution(perTransition).p50 / Math.max(1, distribution(envelope).p50)),
    },
    series: thin(points, 300),
    contextByDay,
    limitBytes: LIMIT_BYTES,
    underLimit: envelopeDrift.max < LIMIT_BYTES && transitionDrift.max < LIMIT_BYTES,
  };
}
