/**
 * Step 1, latency, over a cast-size sweep: 5, 10 and 20 bots on real sockets in one pecking-order
 * room (ADMIN scheduling, day 1's social phase, so chat, DMs, gifts and the pick are all open), and
 * 20 bots with 20 more read-only connections, sending at a steady rate; for each action, the time
 * until the sender's view and until the last other connection's view of that transition (a
 * connection whose view did not change gets nothing, and is counted apart). A fresh baseline room
 * with as many connections gets the same frames at the same moments, the two rooms taking turns in
 * rounds ({@link ROUNDS}), so every figure is a ratio to the baseline with the same connections,
 * measured over the same minutes. The 20-player cast is the step's headline (`game`, `baseline`,
 * `ratio`).
 */
import { randomUUID } from 'node:crypto';
import type { BenchContext } from '../context';
import { BotRoom, openBaseline } from '../bot-room';
import { driveOpenLoop, measure, replayTrace, settle, type Measured, type Run, type SentAction } from '../open-loop';
import type { PlayerSocket } from '../player-socket';
import { distribution, median, round, type Distribution } from '../stats';

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
  /** game / baseline, same connections; `serverCpu` is the median of {@link cpuRounds}. */
  ratio: CastRatio;
  /** Each round's game / baseline CPU per action, in order (null without a local server). */
  cpuRounds?: number[] | null;
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

export function summarise(sockets: PlayerSocket[], measured: Measured, bytes: number, serverCpuSeconds: number | null): LatencySide {
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

/**
 * Rounds a cast's actions are measured in, the game room and the baseline room taking turns
 * (game, baseline, game, baseline …). On this machine a room's CPU per action moves ±10–30% between
 * stretches of a minute (another process, the host's own scheduling), which one game stretch then
 * one baseline stretch puts whole into their ratio; alternating short rounds puts it on both rooms,
 * and the ratio is the median of the rounds' own ratios.
 */
export const ROUNDS = 4;

/** What one side (a room and its sockets) gathered over its rounds. */
interface SideRounds {
  actions: SentAction[];
  synced: Set<PlayerSocket>;
  bytes: number;
  cpu: (number | null)[];
}

const noRounds = (sockets: PlayerSocket[]): SideRounds => ({ actions: [], synced: new Set(sockets), bytes: 0, cpu: [] });

/** One round of one side: its actions, then the ping barrier; what it cost the server and sent the sockets. */
async function measureRound(ctx: BenchContext, side: SideRounds, sockets: PlayerSocket[], drive: () => Promise<Run>): Promise<Run> {
  const before = bytesIn(sockets);
  const cpu = serverCpu(ctx);
  const run = await drive();
  const synced = await settle(sockets, run.actions);
  side.cpu.push(cpu());
  side.bytes += bytesIn(sockets) - before;
  side.actions.push(...run.actions);
  for (const socket of side.synced) if (!synced.has(socket)) side.synced.delete(socket);
  return run;
}

const cpuSum = (cpu: readonly (number | null)[]) => (cpu.some((c) => c === null) ? null : cpu.reduce<number>((n, c) => n + c!, 0));

/**
 * One cast: the game room and a baseline room with as many connections, measured in {@link ROUNDS}
 * alternating rounds; each baseline round gets the game round's frames at the same moments.
 */
async function measureCast(
  ctx: BenchContext,
  players: number,
  readers: number,
  actions: number,
  rate: number,
): Promise<CastResult & { baselineRoomId: string }> {
  const warmup = ctx.smoke ? 4 : 40;
  const rounds = ctx.smoke ? 2 : ROUNDS;
  const { progress, target } = ctx;
  const label = readers > 0 ? `${players} players + ${readers} readers` : `${players} players`;
  progress.update(`${label}: creating the game and connecting`);
  const room = await BotRoom.create(target, { players, readers, preset: 'TEST', scheduling: 'ADMIN', startingSilver: 10_000 });
  const baselineRoomId = `bench-${randomUUID()}`;
  let sockets: PlayerSocket[] = [];
  try {
    await room.advanceTo(1, 'social');
    sockets = await openBaseline(target.baseUrl, baselineRoomId, players + readers);
    const senders = sockets.slice(0, players);
    const choose = (player: number) => {
      const move = room.move(player);
      return move ? { type: move.type, ...move.payload } : null;
    };
    const warm = await driveOpenLoop({ sockets: room.players, rate, count: warmup, choose });
    await settle(room.sockets, warm.actions);
    const warmBase = await replayTrace(senders, warm.trace);
    await settle(sockets, warmBase.actions);
    const game = noRounds(room.sockets);
    const baseline = noRounds(sockets);
    for (let r = 0; r < rounds; r++) {
      const count = Math.round(((r + 1) * actions) / rounds) - Math.round((r * actions) / rounds);
      const done = game.actions.length;
      const run = await measureRound(ctx, game, room.sockets, () =>
        driveOpenLoop({
          sockets: room.players,
          rate,
          count,
          choose,
          onProgress: (n) => progress.update(`${label}, round ${r + 1}/${rounds}, game room: ${done + n}/${actions} actions at ${rate}/s`),
        }),
      );
      await measureRound(ctx, baseline, sockets, () =>
        replayTrace(senders, run.trace, (n) =>
          progress.update(`${label}, round ${r + 1}/${rounds}, baseline room: ${done + n}/${actions} actions at ${rate}/s`),
        ),
      );
    }
    const gameSide = summarise(room.sockets, measure(room.sockets, game.actions, game.synced), game.bytes, cpuSum(game.cpu));
    const baseSide = summarise(sockets, measure(sockets, baseline.actions, baseline.synced), baseline.bytes, cpuSum(baseline.cpu));
    // Each round's ratio of the CPU the two rooms spent on the same frames (the baseline got the
    // game round's frames, refused ones too): per frame, where the pooled figures are per accepted action.
    const cpuRounds =
      game.cpu.every((c) => c !== null) && baseline.cpu.every((c) => c !== null && c > 0)
        ? game.cpu.map((c, r) => round(c! / baseline.cpu[r]!))
        : null;
    return {
      players,
      readers,
      actions,
      game: gameSide,
      baseline: baseSide,
      baselineRoomId,
      cpuRounds,
      ratio: {
        senderP50: ratioOf(gameSide.sender.p50, baseSide.sender.p50),
        everyoneP50: ratioOf(gameSide.everyone.p50, baseSide.everyone.p50),
        senderP99: ratioOf(gameSide.sender.p99, baseSide.sender.p99),
        everyoneP99: ratioOf(gameSide.everyone.p99, baseSide.everyone.p99),
        serverCpu: cpuRounds ? round(median(cpuRounds)) : null,
        bytesPerSocket: ratioOf(gameSide.bytesPerActionPerSocket, baseSide.bytesPerActionPerSocket),
      },
    };
  } finally {
    room.close();
    for (const socket of sockets) socket.close();
  }
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
