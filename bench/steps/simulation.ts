/**
 * Step 6, simulation: a whole 20-player, 7-day game of the pure machines in simulated time, the
 * way a designer fast-forwards one (`SimulatedRoom` + `playGame`, bots deciding on projections).
 * Wall time per game over a few runs, each with its own seed; the first run also pays warm-up.
 */
import type { BenchContext } from '../context';
import { makeInit } from '../../machines/pecking-order/testing/fixtures';
import { playGame } from '../../machines/pecking-order/testing/play';
import { SimulatedRoom } from '../../engine/testing/simulated-room';
import { peckingOrderV1 } from '../../machines/pecking-order/v1';
import { distribution, round, type Distribution } from '../stats';

export interface SimulationResult {
  players: number;
  days: number;
  runs: number;
  /** Wall time per whole game, ms. */
  wallMs: Distribution;
  /** CPU time of this process per game, ms (not stretched when other processes take the cores). */
  cpuMs: Distribution;
  firstRunMs: number;
  /** Moves and timers per game (mean). */
  steps: number;
  /** Where one game's time goes, ms (mean over runs): the bots' views (snapshot JSON round trip and projection), and the rest (machine, bots). */
  split: { projectMs: number; machineMs: number };
}

export async function simulationStep(ctx: BenchContext): Promise<SimulationResult> {
  const players = 20;
  const runs = ctx.smoke ? 1 : 5;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let steps = 0;
  let projectMs = 0;
  let days = 0;
  for (let run = 0; run < runs; run++) {
    ctx.progress.update(`game ${run + 1}/${runs}`);
    await new Promise((r) => setImmediate(r)); // let the progress line out
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    // The machine and its host, as a designer fast-forwards a game: no fan-out, so no one's view is diffed.
    const room = new SimulatedRoom({
      version: peckingOrderV1,
      init: makeInit(players, { preset: 'DEFAULT' }),
      room: { seed: `bench-${run}` },
      views: false,
    });
    const ids = room.init.roster.map((p: { playerId: string }) => p.playerId);
    // Time spent projecting views for the bots (what a player's phone would be sent).
    const view = room.view.bind(room);
    room.view = (playerId: string) => {
      const t = performance.now();
      const v = view(playerId);
      projectMs += performance.now() - t;
      return v;
    };
    const deliver = room.deliver.bind(room);
    room.deliver = (event) => (steps++, deliver(event));
    const advance = room.advance.bind(room);
    room.advance = () => (steps++, advance());
    playGame(room, ids, { botSeed: `bench-bots-${run}` });
    if (!room.done) throw new Error('the simulated game did not end');
    times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    days = room.init.manifest.days.length;
  }
  const wallMs = distribution(times);
  return {
    players,
    days,
    runs,
    wallMs,
    cpuMs: distribution(cpuTimes),
    firstRunMs: round(times[0]!),
    steps: Math.round(steps / runs),
    split: { projectMs: round(projectMs / runs), machineMs: round(wallMs.mean - projectMs / runs) },
  };
}
