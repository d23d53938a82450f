/**
 * Step 2, throughput ceiling: the offered rate of player actions goes up in steps (each of bounded
 * length) against one 20-player room until a step is not sustained: every connection had every
 * accepted action's view with p99 under 250 ms, nothing was lost, and the room kept up with the
 * offered rate. The baseline room gets the same treatment, separately, up to its own ceiling (the
 * game's frames, re-timed), so each room's ceiling is its own. Loopback only; at most
 * {@link RATES}.length steps of {@link STEP_SECONDS} s a room.
 *
 * Production admits 10 frames a second per player, so 20 players could offer 200/s at most: the
 * bench build lifts that budget (worker/bench-entry.ts) so the room, not the bots, saturates. A
 * step whose bots could not keep the schedule (the client was the bottleneck) is marked so, and
 * ends the climb without calling the room saturated.
 */
import { randomUUID } from 'node:crypto';
import type { BenchContext } from '../context';
import { BotRoom, openBaseline } from '../bot-room';
import { driveOpenLoop, measure, replayTrace, settle, type TraceEntry } from '../open-loop';
import type { PlayerSocket } from '../player-socket';
import { distribution, round, type Distribution } from '../stats';

export const P99_LIMIT_MS = 250;

export interface ThroughputStep {
  offeredPerSecond: number;
  /** Accepted actions per second of the step's duration. */
  achievedPerSecond: number;
  everyone: Distribution;
  refused: number;
  lost: number;
  sustained: boolean;
  /** The bots fell behind their own schedule (by more than 20%): the client, not the room, was the limit. */
  clientLimited: boolean;
}

export interface ThroughputResult {
  players: number;
  stepSeconds: number;
  p99LimitMs: number;
  game: ThroughputStep[];
  baseline: ThroughputStep[];
  /** The highest offered rate the game room sustained (0 when none). */
  sustainedPerSecond: number;
  baselineSustainedPerSecond: number;
  /** True when the last step offered was sustained: the real limit is higher than measured. */
  limitedByOfferedRate: boolean;
  baselineLimitedByOfferedRate: boolean;
  /** A room's climb stopped because the bots, not the room, fell behind. */
  clientLimited: boolean;
  baselineClientLimited: boolean;
  /** The game room's ceiling over the baseline's (target ≥ 0.8). */
  ratio: number;
}

/**
 * Offered rates, finer where rooms on this kind of machine saturate (a few hundred a second): a
 * ceiling is known to one step, and steps of 100 at 300–400 made a ratio of ceilings read 0.75
 * whether the rooms differed by 1% or by 30%.
 */
const RATES = [20, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800, 1000, 1200];
const STEP_SECONDS = 5;

async function runStep(
  sockets: PlayerSocket[],
  rate: number,
  stepSeconds: number,
  play: () => Promise<{ actions: any[]; durationMs: number }>,
): Promise<ThroughputStep> {
  const run = await play();
  const synced = await settle(sockets, run.actions, 5_000);
  const measured = measure(sockets, run.actions, synced);
  const refused = Object.values(measured.refused).reduce((a, b) => a + b, 0);
  const everyone = distribution(measured.everyone);
  // Until the last accepted action reached every player: a room that falls behind takes longer.
  const doneMs = Math.max(0, ...measured.records.map((r) => r.at + (Number.isNaN(r.everyone) ? 0 : r.everyone)));
  return {
    offeredPerSecond: rate,
    achievedPerSecond: round(measured.accepted / Math.max(stepSeconds, doneMs / 1000), 1),
    everyone,
    refused,
    lost: measured.lost,
    sustained: everyone.p99 < P99_LIMIT_MS && measured.lost === 0 && measured.accepted >= 0.95 * run.actions.length,
    clientLimited: run.durationMs > 1.2 * stepSeconds * 1000,
  };
}

/** `count` frames of a trace at `rate`, round-robin over players, each with a fresh ref. */
function retime(source: TraceEntry[], rate: number, count: number, players: number): TraceEntry[] {
  if (source.length === 0) return [];
  return Array.from({ length: count }, (_, k) => {
    const entry = source[k % source.length]!;
    const ref = `${entry.ref}-${rate}-${k}`;
    return {
      ...entry,
      offset: (k * 1000) / rate,
      player: k % players,
      ref,
      frame: entry.frame.replace(`"ref":"${entry.ref}"`, `"ref":"${ref}"`),
    };
  });
}

export async function throughputStep(ctx: BenchContext): Promise<ThroughputResult> {
  const players = ctx.smoke ? 4 : 20;
  const rates = ctx.smoke ? [10, 20] : RATES;
  const stepSeconds = ctx.smoke ? 1 : STEP_SECONDS;
  const { progress, target } = ctx;

  progress.update('creating a game');
  const room = await BotRoom.create(target, { players, preset: 'TEST', scheduling: 'ADMIN', startingSilver: 10_000 });
  const game: ThroughputStep[] = [];
  const traces: TraceEntry[][] = [];
  try {
    await room.advanceTo(1, 'social');
    const choose = (player: number) => {
      const move = room.move(player);
      return move ? { type: move.type, ...move.payload } : null;
    };
    for (const rate of rates) {
      const count = Math.round(rate * stepSeconds);
      let trace: TraceEntry[] = [];
      const step = await runStep(room.sockets, rate, stepSeconds, async () => {
        const run = await driveOpenLoop({
          sockets: room.sockets,
          rate,
          count,
          choose,
          onProgress: (n) => progress.update(`game room at ${rate}/s: ${n}/${count}`),
        });
        trace = run.trace;
        return run;
      });
      game.push(step);
      traces.push(trace);
      progress.update(`game room at ${rate}/s: p99 ${step.everyone.p99} ms, ${step.sustained ? 'sustained' : 'not sustained'}`);
      if (!step.sustained || step.clientLimited) break;
    }
  } finally {
    room.close();
  }

  const sockets = await openBaseline(target.baseUrl, `bench-${randomUUID()}`, players);
  const baseline: ThroughputStep[] = [];
  try {
    // Up to the baseline's own ceiling: the game's frames where it got that far, its last
    // step's frames re-timed past that (the baseline stores and broadcasts whatever it gets).
    for (const [i, rate] of rates.entries()) {
      const trace = traces[i] ?? retime(traces.at(-1) ?? [], rate, Math.round(rate * stepSeconds), players);
      const step = await runStep(sockets, rate, stepSeconds, () =>
        replayTrace(sockets, trace, (n) => progress.update(`baseline room at ${rate}/s: ${n}/${trace.length}`)),
      );
      baseline.push(step);
      if (!step.sustained || step.clientLimited) break;
    }
  } finally {
    for (const socket of sockets) socket.close();
  }
  const best = (steps: ThroughputStep[]) =>
    Math.max(0, ...steps.filter((s) => s.sustained && !s.clientLimited).map((s) => s.offeredPerSecond));
  const sustainedPerSecond = best(game);
  const baselineSustainedPerSecond = best(baseline);
  return {
    players,
    stepSeconds,
    p99LimitMs: P99_LIMIT_MS,
    game,
    baseline,
    sustainedPerSecond,
    baselineSustainedPerSecond,
    limitedByOfferedRate: game.length === rates.length && game.at(-1)!.sustained,
    baselineLimitedByOfferedRate: baseline.length === rates.length && baseline.at(-1)!.sustained,
    clientLimited: game.at(-1)?.clientLimited ?? false,
    baselineClientLimited: baseline.at(-1)?.clientLimited ?? false,
    ratio: baselineSustainedPerSecond > 0 ? round(sustainedPerSecond / baselineSustainedPerSecond) : 0,
  };
}
