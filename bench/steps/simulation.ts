/**
 * Step 6, simulation: whole 20-player, 7-day games of the pure machines in simulated time, the way
 * a designer fast-forwards one (`SimulatedRoom` + `playGame`, bots deciding on projections), for
 * pecking-order@1 (the version the target was set on) and pecking-order@2 (the lobby's default).
 *
 * Each version first plays warm-up games that are not counted: the first game of a process also
 * pays for compiling the machine, the host and the bots (V8 optimises a function only after many
 * calls), which a designer pays once per page, not per simulated game. That first game's time is
 * reported on its own; the p50 is over the games after the warm-up, each with its own seed.
 */
import type { BenchContext } from '../context';
import type { MachineVersion } from '../../machines/machine-version';
import { refOf } from '../../machines/machine-version';
import { makeInit, makeRoster } from '../../machines/pecking-order/testing/fixtures';
import { playGame } from '../../machines/pecking-order/testing/play';
import { SimulatedRoom } from '../../engine/testing/simulated-room';
import { peckingOrderV1 } from '../../machines/pecking-order/v1';
import { peckingOrderV2 } from '../../machines/pecking-order/v2';
import { defaultManifest } from '../../machines/pecking-order/v2/lobby';
import { distribution, round, type Distribution } from '../stats';

export interface SimulatedVersion {
  /** The version played, e.g. `pecking-order@1`. */
  machine: string;
  /** Games measured (after the warm-up). */
  runs: number;
  /** Wall time per whole game, ms. */
  wallMs: Distribution;
  /** CPU time of this process per game, ms (not stretched when other processes take the cores; counts GC threads too). */
  cpuMs: Distribution;
  /** This version's first game, before the warm-up ended (for the first version, the process's first game, which also compiles the host and the bots). */
  firstRunMs: number;
  /** Inputs (moves and timers) per game (mean). */
  steps: number;
  /** Where one game's time goes, ms (mean over runs): the bots' views, and the rest (machine, host, bots' decisions). */
  split: { projectMs: number; machineMs: number };
}

export interface SimulationResult extends SimulatedVersion {
  players: number;
  days: number;
  /** Games played before measuring, per version. */
  warmup: number;
  /** Every version simulated; the top-level figures are the first's (pecking-order@1). */
  versions: SimulatedVersion[];
}

const PLAYERS = 20;

/** A version and how to start a 20-player DEFAULT game of it. */
const GAMES: { version: MachineVersion; init: () => unknown }[] = [
  { version: peckingOrderV1, init: () => makeInit(PLAYERS, { preset: 'DEFAULT' }) },
  { version: peckingOrderV2, init: () => ({ roster: makeRoster(PLAYERS), manifest: { ...defaultManifest(PLAYERS), preset: 'DEFAULT' } }) },
];

async function simulate(ctx: BenchContext, game: (typeof GAMES)[number], warmup: number, runs: number) {
  const machine = refOf(game.version);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let firstRunMs = 0;
  let steps = 0;
  let projectMs = 0;
  let days = 0;
  for (let run = 0; run < warmup + runs; run++) {
    const measured = run >= warmup;
    ctx.progress.update(`${machine}: ${measured ? `game ${run - warmup + 1}/${runs}` : `warm-up ${run + 1}/${warmup}`}`);
    await new Promise((r) => setImmediate(r)); // let the progress line out
    let viewMs = 0;
    let inputs = 0;
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    // The machine and its host, as a designer fast-forwards a game: no fan-out, so no one's view is diffed.
    const room = new SimulatedRoom({ version: game.version, init: game.init(), room: { seed: `bench-${run}` }, views: false });
    const ids = (room.init as { roster: { playerId: string }[] }).roster.map((p) => p.playerId);
    // Time spent projecting views for the bots (what a player's phone would be sent).
    const view = room.view.bind(room);
    room.view = (playerId: string) => {
      const t = performance.now();
      const v = view(playerId);
      viewMs += performance.now() - t;
      return v;
    };
    const step = room.step.bind(room);
    room.step = (input) => (inputs++, step(input));
    playGame(room, ids, { botSeed: `bench-bots-${run}` });
    if (!room.done) throw new Error(`the simulated ${machine} game did not end`);
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    if (run === 0) firstRunMs = wall;
    if (!measured) continue;
    times.push(wall);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    steps += inputs;
    projectMs += viewMs;
    days = (room.init as { manifest: { days: unknown[] } }).manifest.days.length;
  }
  const wallMs = distribution(times);
  const result: SimulatedVersion = {
    machine,
    runs,
    wallMs,
    cpuMs: distribution(cpuTimes),
    firstRunMs: round(firstRunMs),
    steps: Math.round(steps / runs),
    split: { projectMs: round(projectMs / runs), machineMs: round(wallMs.mean - projectMs / runs) },
  };
  return { result, days };
}

export async function simulationStep(ctx: BenchContext): Promise<SimulationResult> {
  const warmup = ctx.smoke ? 0 : 3;
  const runs = ctx.smoke ? 1 : 15;
  const versions: SimulatedVersion[] = [];
  let days = 0;
  for (const game of GAMES) {
    const { result, days: played } = await simulate(ctx, game, warmup, runs);
    versions.push(result);
    days ||= played;
  }
  return { ...versions[0]!, players: PLAYERS, days, warmup, versions };
}
