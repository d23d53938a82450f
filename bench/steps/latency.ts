/**
 * Step 1, latency, over a cast-size sweep: 5, 10 and 20 bots on real sockets in one pecking-order
 * room (ADMIN scheduling, day 1's social phase, so chat, DMs, gifts and the pick are all open), and
 * 20 bots with 20 more read-only connections, sending at a steady rate; for each action, the time
 * until the sender's view and until the last other connection's view of that transition (a
 * connection whose view did not change gets nothing, and is counted apart). The same frames are
 * then replayed at the same moments against a fresh baseline room with as many connections, so
 * every figure is a ratio to the baseline with the same connections. The 20-player cast is the
 * step's headline (`game`, `baseline`, `ratio`).
 */
import { randomUUID } from 'node:crypto';
import type { BenchContext } from '../context';
import { BotRoom, openBaseline } from '../bot-room';
import { driveOpenLoop, measure, replayTrace, settle, type Measured, type Run } from '../open-loop';
import type { PlayerSocket } from '../player-socket';
import { distribution, round, type Distribution } from '../stats';

export interface LatencySide {
  sender: Distribution;
  everyone: Distribution;
  ack: Distribution;
  accepted: number;
  refused: Record<string, number>;
  lost: number;
  /** Accepted actions after which the sender's view, or no other connection's view, changed (see open-loop.ts). */
  noViewChange: { sender: number; everyone: number };
  /** Bytes a socket received per accepted action (views and messages), averaged over sockets. */
  bytesPerActionPerSocket: number;
  /**
   * CPU time of the whole server (workerd and wrangler) per accepted action, ms: unlike latency,
   * not stretched when other processes take the cores. Null against a remote deployment.
   */
  serverCpuMsPerAction: number | null;
}

export interface CastRatio {
  senderP50: number;
  everyoneP50: number;
  senderP99: number;
  everyoneP99: number;
  serverCpu: number | null;
  bytesPerSocket: number;
}

export interface CastResult {
  players: number;
  /** Read-only connections beside the players'. */
  readers: number;
  actions: number;
  game: LatencySide;
  baseline: LatencySide;
  /** game / baseline, same connections. */
  ratio: CastRatio;
}

export interface LatencyResult {
  players: number;
  actions: number;
  ratePerSecond: number;
  game: LatencySide;
  baseline: LatencySide;
  /** game / baseline. */
  ratio: CastRatio;
  /** Every cast of the sweep, smallest first (the headline is the one of `players` without readers). */
  sweep: CastResult[];
  /** The 20-player ratio over the 5-player ratio, p50, sender and everyone: flat in cast size is 1. */
  growth: { senderP50: number; everyoneP50: number };
}

export function summarise(sockets: PlayerSocket[], measured: Measured, bytesBefore: number, serverCpuSeconds: number | null): LatencySide {
  const bytes = sockets.reduce((n, s) => n + s.bytesIn, 0) - bytesBefore;
  return {
    serverCpuMsPerAction: serverCpuSeconds === null ? null : round((serverCpuSeconds * 1000) / Math.max(1, measured.accepted)),
    sender: distribution(measured.sender),
    everyone: distribution(measured.everyone),
    ack: distribution(measured.ack),
    accepted: measured.accepted,
    refused: measured.refused,
    lost: measured.lost,
    noViewChange: measured.noViewChange,
    bytesPerActionPerSocket: Math.round(bytes / Math.max(1, measured.accepted) / sockets.length),
  };
}

const bytesIn = (sockets: PlayerSocket[]) => sockets.reduce((n, s) => n + s.bytesIn, 0);

/** Measures the server's CPU time over a stretch (null without a local server). */
function serverCpu(ctx: BenchContext): () => number | null {
  const server = ctx.server;
  if (!server) return () => null;
  const before = server.cpuSeconds();
  return () => server.cpuSeconds() - before;
}

const ratioOf = (a: number, b: number) => (b > 0 ? round(a / b) : 0);

/** One cast: the game room, then the baseline room with as many connections, the same frames at the same moments. */
async function measureCast(
  ctx: BenchContext,
  players: number,
  readers: number,
  actions: number,
  rate: number,
): Promise<CastResult & { baselineRoomId: string }> {
  const warmup = ctx.smoke ? 4 : 40;
  const { progress, target } = ctx;
  const label = readers > 0 ? `${players} players + ${readers} readers` : `${players} players`;
  progress.update(`${label}: creating the game and connecting`);
  const room = await BotRoom.create(target, { players, readers, preset: 'TEST', scheduling: 'ADMIN', startingSilver: 10_000 });
  let game: LatencySide;
  let warm: Run;
  let run: Run;
  try {
    await room.advanceTo(1, 'social');
    const choose = (player: number) => {
      const move = room.move(player);
      return move ? { type: move.type, ...move.payload } : null;
    };
    warm = await driveOpenLoop({ sockets: room.players, rate, count: warmup, choose });
    await settle(room.sockets, warm.actions);
    const before = bytesIn(room.sockets);
    const cpu = serverCpu(ctx);
    run = await driveOpenLoop({
      sockets: room.players,
      rate,
      count: actions,
      choose,
      onProgress: (n) => progress.update(`${label}, game room: ${n}/${actions} actions at ${rate}/s`),
    });
    const synced = await settle(room.sockets, run.actions);
    game = summarise(room.sockets, measure(room.sockets, run.actions, synced), before, cpu());
  } finally {
    room.close();
  }

  progress.update(`${label}, baseline room: connecting`);
  const baselineRoomId = `bench-${randomUUID()}`;
  const sockets = await openBaseline(target.baseUrl, baselineRoomId, players + readers);
  let baseline: LatencySide;
  try {
    const senders = sockets.slice(0, players);
    const warmBase = await replayTrace(senders, warm.trace);
    await settle(sockets, warmBase.actions);
    const before = bytesIn(sockets);
    const cpu = serverCpu(ctx);
    const replay = await replayTrace(senders, run.trace, (n) =>
      progress.update(`${label}, baseline room: ${n}/${actions} actions at ${rate}/s`),
    );
    const synced = await settle(sockets, replay.actions);
    baseline = summarise(sockets, measure(sockets, replay.actions, synced), before, cpu());
  } finally {
    for (const socket of sockets) socket.close();
  }
  return {
    players,
    readers,
    actions,
    game,
    baseline,
    baselineRoomId,
    ratio: {
      senderP50: ratioOf(game.sender.p50, baseline.sender.p50),
      everyoneP50: ratioOf(game.everyone.p50, baseline.everyone.p50),
      senderP99: ratioOf(game.sender.p99, baseline.sender.p99),
      everyoneP99: ratioOf(game.everyone.p99, baseline.everyone.p99),
      serverCpu:
        game.serverCpuMsPerAction !== null && baseline.serverCpuMsPerAction
          ? round(game.serverCpuMsPerAction / baseline.serverCpuMsPerAction)
          : null,
      bytesPerSocket: ratioOf(game.bytesPerActionPerSocket, baseline.bytesPerActionPerSocket),
    },
  };
}

export async function latencyStep(ctx: BenchContext): Promise<LatencyResult> {
  const rate = ctx.smoke ? 20 : 10;
  const casts: { players: number; readers: number; actions: number }[] = ctx.smoke
    ? [
        { players: 3, readers: 0, actions: 12 },
        { players: 4, readers: 0, actions: 20 },
        { players: 4, readers: 4, actions: 12 },
      ]
    : [
        { players: 5, readers: 0, actions: 200 },
        { players: 10, readers: 0, actions: 200 },
        { players: 20, readers: 0, actions: 400 },
        { players: 20, readers: 20, actions: 200 },
      ];
  const sweep: CastResult[] = [];
  let baselineRoomId = '';
  for (const cast of casts) {
    const { baselineRoomId: id, ...result } = await measureCast(ctx, cast.players, cast.readers, cast.actions, rate);
    sweep.push(result);
    if (cast.readers === 0) baselineRoomId = id;
  }
  ctx.shared.baselineRoomId = baselineRoomId;
  const headline = [...sweep].reverse().find((c) => c.readers === 0)!;
  const smallest = sweep[0]!;
  return {
    players: headline.players,
    actions: headline.actions,
    ratePerSecond: rate,
    game: headline.game,
    baseline: headline.baseline,
    ratio: headline.ratio,
    sweep,
    growth: {
      senderP50: ratioOf(headline.ratio.senderP50, smallest.ratio.senderP50),
      everyoneP50: ratioOf(headline.ratio.everyoneP50, smallest.ratio.everyoneP50),
    },
  };
}
