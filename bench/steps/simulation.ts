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
import { spawn } from 'node:child_process';
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
  /** Processes the games were played in, and each one's p50 (wall, ms). */
  processes?: { count: number; p50s: number[] };
  /** Each measured game's wall and CPU time (what the processes' results are pooled from; not kept in the results file). */
  samples?: { wallMs: number[]; cpuMs: number[]; projectMs: number };
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

async function simulate(progress: (text: string) => void, game: (typeof GAMES)[number], warmup: number, runs: number) {
  const machine = refOf(game.version);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let firstRunMs = 0;
  let steps = 0;
  let projectMs = 0;
  let days = 0;
  for (let run = 0; run < warmup + runs; run++) {
    const measured = run >= warmup;
    progress(`${machine}: ${measured ? `game ${run - warmup + 1}/${runs}` : `warm-up ${run + 1}/${warmup}`}`);
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
    samples: { wallMs: times, cpuMs: cpuTimes, projectMs },
  };
  return { result, days };
}

/** The games themselves: run in the process {@link simulationStep} starts (`--simulation-child`). */
export async function simulateAll(smoke: boolean, progress: (text: string) => void = () => {}): Promise<SimulationResult> {
  const warmup = smoke ? 0 : 3;
  const runs = smoke ? 1 : 15;
  const versions: SimulatedVersion[] = [];
  let days = 0;
  for (const game of GAMES) {
    const { result, days: played } = await simulate(progress, game, warmup, runs);
    versions.push(result);
    days ||= played;
  }
  return { ...versions[0]!, players: PLAYERS, days, warmup, versions };
}

/** The flag that makes the bench's bundle play the games and print their result as JSON (see {@link simulationStep}). */
export const SIMULATION_CHILD_FLAG = 'simulation-child';

/** Processes a full run plays the games in (each with its warm-up): see {@link simulationStep}. */
export const SIMULATION_PROCESSES = 3;

/**
 * The games run in Node processes of their own, started from the bench's own bundle. Run last in
 * the bench's process, they shared its heap with minutes of the other steps' sockets and frames,
 * and the garbage collector's work on that heap went into every game (p50s of 92–122 ms there
 * against 66–93 ms for the same code alone); a designer's workbench holds no such heap. And one
 * process is one draw of V8's optimising: the same code's @2 p50 read 84, 94, 104 and once 176 ms
 * in four processes. So {@link SIMULATION_PROCESSES} processes each play the warm-up and the
 * measured games, and the figures are over all their measured games (each process's p50 is kept).
 * Their CPU shows in the step's "other CPU" column, not the bench client's.
 */
export async function simulationStep(ctx: BenchContext): Promise<SimulationResult> {
  const count = ctx.smoke ? 1 : SIMULATION_PROCESSES;
  const results: SimulationResult[] = [];
  for (let i = 0; i < count; i++) {
    ctx.progress.update(`whole games in a process of their own: ${i + 1}/${count}`);
    results.push(await simulateInChild(ctx.smoke));
  }
  const versions = results[0]!.versions.map((first, v) =>
    pooled(
      results.map((r) => r.versions[v]!),
      first,
    ),
  );
  const { players, days, warmup } = results[0]!;
  return { ...versions[0]!, players, days, warmup, versions };
}

/** One version's games from every process as one result: distributions over every measured game. */
function pooled(parts: SimulatedVersion[], first: SimulatedVersion): SimulatedVersion {
  const wall = parts.flatMap((p) => p.samples?.wallMs ?? []);
  const cpu = parts.flatMap((p) => p.samples?.cpuMs ?? []);
  const runs = parts.reduce((n, p) => n + p.runs, 0);
  const projectMs = parts.reduce((n, p) => n + (p.samples?.projectMs ?? 0), 0) / Math.max(1, runs);
  const wallMs = distribution(wall);
  return {
    machine: first.machine,
    runs,
    wallMs,
    cpuMs: distribution(cpu),
    // The first process's first game: the one that also compiled the host and the bots.
    firstRunMs: first.firstRunMs,
    steps: Math.round(parts.reduce((n, p) => n + p.steps * p.runs, 0) / Math.max(1, runs)),
    split: { projectMs: round(projectMs), machineMs: round(wallMs.mean - projectMs) },
    processes: { count: parts.length, p50s: parts.map((p) => p.wallMs.p50) },
  };
}

async function simulateInChild(smoke: boolean): Promise<SimulationResult> {
  const args = [process.argv[1]!, `--${SIMULATION_CHILD_FLAG}`, ...(smoke ? ['--smoke'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the simulation process exited with ${code}: ${err.slice(-2_000)}`);
  return JSON.parse(out) as SimulationResult;
}
