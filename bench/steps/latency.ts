/**
 * Step 1, latency: 20 bots on real sockets in one pecking-order room (ADMIN scheduling, day 1's
 * social phase, so chat, DMs, gifts and the pick are all open), sending at a steady rate; for each
 * action, the time until the sender's view after its ack and until every other player's view.
 * The same frames are then replayed at the same moments against a fresh baseline room.
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
  /** Bytes a socket received per accepted action (views and messages), averaged over sockets. */
  bytesPerActionPerSocket: number;
  /**
   * CPU time of the whole server (workerd and wrangler) per accepted action, ms: unlike latency,
   * not stretched when other processes take the cores. Null against a remote deployment.
   */
  serverCpuMsPerAction: number | null;
}

export interface LatencyResult {
  players: number;
  actions: number;
  ratePerSecond: number;
  game: LatencySide;
  baseline: LatencySide;
  /** game / baseline. */
  ratio: { senderP50: number; everyoneP50: number; senderP99: number; everyoneP99: number; serverCpu: number | null };
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

export async function latencyStep(ctx: BenchContext): Promise<LatencyResult> {
  const players = ctx.smoke ? 4 : 20;
  const actions = ctx.smoke ? 20 : 400;
  const warmup = ctx.smoke ? 4 : 40;
  const rate = ctx.smoke ? 20 : 10;
  const { progress, target } = ctx;

  progress.update('creating a 20-player game and connecting the bots');
  const room = await BotRoom.create(target, { players, preset: 'TEST', scheduling: 'ADMIN', startingSilver: 10_000 });
  let game: LatencySide;
  let warm: Run;
  let run: Run;
  try {
    await room.advanceTo(1, 'social');
    const choose = (player: number) => {
      const move = room.move(player);
      return move ? { type: move.type, ...move.payload } : null;
    };
    warm = await driveOpenLoop({ sockets: room.sockets, rate, count: warmup, choose });
    await settle(room.sockets, warm.actions);
    const before = bytesIn(room.sockets);
    const cpu = serverCpu(ctx);
    run = await driveOpenLoop({
      sockets: room.sockets,
      rate,
      count: actions,
      choose,
      onProgress: (n) => progress.update(`game room: ${n}/${actions} actions at ${rate}/s`),
    });
    await settle(room.sockets, run.actions);
    game = summarise(room.sockets, measure(room.sockets, run.actions), before, cpu());
  } finally {
    room.close();
  }

  progress.update('baseline room: connecting');
  const baselineRoomId = `bench-${randomUUID()}`;
  const sockets = await openBaseline(target.baseUrl, baselineRoomId, players);
  let baseline: LatencySide;
  try {
    const warmBase = await replayTrace(sockets, warm.trace);
    await settle(sockets, warmBase.actions);
    const before = bytesIn(sockets);
    const cpu = serverCpu(ctx);
    const replay = await replayTrace(sockets, run.trace, (n) => progress.update(`baseline room: ${n}/${actions} actions at ${rate}/s`));
    await settle(sockets, replay.actions);
    baseline = summarise(sockets, measure(sockets, replay.actions), before, cpu());
  } finally {
    for (const socket of sockets) socket.close();
  }
  ctx.shared.baselineRoomId = baselineRoomId;
  return {
    players,
    actions,
    ratePerSecond: rate,
    game,
    baseline,
    ratio: {
      senderP50: round(game.sender.p50 / baseline.sender.p50),
      everyoneP50: round(game.everyone.p50 / baseline.everyone.p50),
      senderP99: round(game.sender.p99 / baseline.sender.p99),
      everyoneP99: round(game.everyone.p99 / baseline.everyone.p99),
      serverCpu: game.serverCpuMsPerAction !== null && baseline.serverCpuMsPerAction ? round(game.serverCpuMsPerAction / baseline.serverCpuMsPerAction) : null,
    },
  };
}
