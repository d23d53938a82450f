/**
 * The results file (docs/benchmarks.json): what every step measured, the headline metrics with
 * their deltas to the previous run, and each target met or missed. `checkShape` is what the smoke
 * test holds the tool to.
 */
import type { CpuShare, MachineInfo } from './machine-info';
import type { LatencyResult } from './steps/latency';
import type { PersistenceResult } from './steps/persistence';
import type { RestoreResult } from './steps/restore';
import type { SimulationResult } from './steps/simulation';
import type { ThroughputResult } from './steps/throughput';
import type { TimersResult } from './steps/timers';
import type { HotSpot } from './cpu-profile';

export const SCHEMA_VERSION = 1;

export interface StepResults {
  latency: LatencyResult;
  throughput: ThroughputResult;
  persistence: PersistenceResult;
  restore: RestoreResult;
  timers: TimersResult;
  simulation: SimulationResult;
}

export type StepName = keyof StepResults;
export const STEP_NAMES: readonly StepName[] = ['latency', 'throughput', 'persistence', 'restore', 'timers', 'simulation'];

export interface StepRecord<T> {
  seconds: number;
  cpu: CpuShare;
  result?: T;
  /** Why the step has no result (it failed, or was skipped). */
  error?: string;
}

export interface Metric {
  id: string;
  label: string;
  unit: string;
  value: number;
  /** The same measure on the baseline room, where there is one. */
  baseline?: number;
  /** value − the previous run's value. */
  delta?: number;
}

export interface TargetCheck {
  id: string;
  target: string;
  measured: string;
  met: boolean | null;
}

export interface Profile {
  label: string;
  busyMs: number;
  wallMs: number;
  actions: number;
  hotSpots: HotSpot[];
}

export interface BenchResults {
  schema: number;
  mode: 'full' | 'smoke';
  target: string;
  machine: MachineInfo;
  totalSeconds: number;
  steps: { [K in StepName]?: StepRecord<StepResults[K]> };
  metrics: Metric[];
  targets: TargetCheck[];
  /** Where the room's CPU went under load (local runs). */
  profile?: Profile;
  previous?: { date: string; commit: string };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The headline numbers, in report order. */
export function metricsOf(steps: BenchResults['steps']): Metric[] {
  const m: Metric[] = [];
  const add = (id: string, label: string, unit: string, value: number | undefined, baseline?: number) => {
    if (value === undefined || !Number.isFinite(value)) return;
    m.push({ id, label, unit, value: r2(value), ...(baseline !== undefined && Number.isFinite(baseline) ? { baseline: r2(baseline) } : {}) });
  };
  const lat = steps.latency?.result;
  if (lat) {
    for (const q of ['p50', 'p95', 'p99'] as const) add(`latency.sender.${q}`, `sender's view, ${q}`, 'ms', lat.game.sender[q], lat.baseline.sender[q]);
    for (const q of ['p50', 'p95', 'p99'] as const) add(`latency.everyone.${q}`, `every player's view, ${q}`, 'ms', lat.game.everyone[q], lat.baseline.everyone[q]);
    add('latency.serverCpuPerAction', 'server CPU time per action', 'ms', lat.game.serverCpuMsPerAction ?? undefined, lat.baseline.serverCpuMsPerAction ?? undefined);
    add('latency.bytesPerAction', 'bytes to each socket per action', 'B', lat.game.bytesPerActionPerSocket, lat.baseline.bytesPerActionPerSocket);
  }
  const tp = steps.throughput?.result;
  if (tp) add('throughput.sustained', `sustained actions/s (p99 < ${tp.p99LimitMs} ms)`, '/s', tp.sustainedPerSecond, tp.baselineSustainedPerSecond);
  const ps = steps.persistence?.result;
  if (ps) {
    add('persistence.transitions', 'transitions in the heavy game', '', ps.transitions);
    add('persistence.messages', 'chat messages + DMs', '', ps.chatMessages + ps.dms);
    add('persistence.envelope.max', 'envelope, max', 'B', ps.envelope.max);
    add('persistence.envelope.q1', 'envelope, first-quartile mean', 'B', ps.envelope.firstQuartileMean);
    add('persistence.envelope.q4', 'envelope, last-quartile mean', 'B', ps.envelope.lastQuartileMean);
    add('persistence.transition.p50', 'bytes written per transition, p50', 'B', ps.perTransition.distribution.p50);
    add('persistence.transition.max', 'bytes written per transition, max', 'B', ps.perTransition.max);
    add('persistence.transition.q1', 'bytes per transition, first-quartile mean', 'B', ps.perTransition.firstQuartileMean);
    add('persistence.transition.q4', 'bytes per transition, last-quartile mean', 'B', ps.perTransition.lastQuartileMean);
    add('persistence.transition.slope', 'bytes per transition, slope per 1,000 transitions', 'B', ps.perTransition.slopePer1000);
  }
  const rs = steps.restore?.result;
  if (rs) {
    add('restore.cold.p50', 'cold room: connect → first view, p50', 'ms', rs.gameCold.p50, rs.baselineCold.p50);
    add('restore.cold.max', 'cold room: connect → first view, max', 'ms', rs.gameCold.max, rs.baselineCold.max);
    add('restore.secondCold.p50', 'cold room, pecking-order code already loaded: first view, p50', 'ms', rs.secondGameCold.p50, rs.baselineCold.p50);
    add('restore.warm.p50', 'awake room: connect → first view, p50', 'ms', rs.gameWarm.p50, rs.baselineWarm.p50);
  }
  const tm = steps.timers?.result;
  if (tm) {
    add('timers.all.p50', 'timer lateness, p50', 'ms', tm.all.p50);
    add('timers.all.p99', 'timer lateness, p99', 'ms', tm.all.p99);
    add('timers.all.max', 'timer lateness, max', 'ms', tm.all.max);
    if (tm.restart) add('timers.overdue.afterBack.p50', 'due while down: delivery − server answering again, p50', 'ms', tm.restart.overdue.afterBackMs.p50);
  }
  const sim = steps.simulation?.result;
  if (sim) {
    add('simulation.p50', 'simulated 20-player game, p50', 'ms', sim.wallMs.p50);
    add('simulation.max', 'simulated 20-player game, max', 'ms', sim.wallMs.max);
    add('simulation.cpu.p50', 'simulated 20-player game, CPU time p50', 'ms', sim.cpuMs.p50);
  }
  return m;
}

export function withDeltas(metrics: Metric[], previous: Metric[] | undefined): Metric[] {
  const before = new Map((previous ?? []).map((p) => [p.id, p.value]));
  return metrics.map((metric) => (before.has(metric.id) ? { ...metric, delta: r2(metric.value - before.get(metric.id)!) } : metric));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The targets, each met, missed, or not measured (null). */
export function targetsOf(steps: BenchResults['steps']): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const lat = steps.latency?.result;
  checks.push(
    lat
      ? {
          id: 'latency',
          target: 'action latency p50 within 1.5× of the baseline',
          measured: `sender ${lat.game.sender.p50} ms vs ${lat.baseline.sender.p50} ms (${lat.ratio.senderP50}×); every player ${lat.game.everyone.p50} ms vs ${lat.baseline.everyone.p50} ms (${lat.ratio.everyoneP50}×)`,
          met: Math.max(lat.ratio.senderP50, lat.ratio.everyoneP50) <= 1.5,
        }
      : { id: 'latency', target: 'action latency p50 within 1.5× of the baseline', measured: 'not measured', met: null },
  );
  const ps = steps.persistence?.result;
  checks.push(
    ps
      ? {
          id: 'persistence.limit',
          target: 'envelope and bytes per transition under 64 KB at every point of the heavy game',
          measured: `envelope max ${kb(ps.envelope.max)}, written per transition max ${kb(ps.perTransition.max)} over ${ps.transitions} transitions`,
          met: ps.underLimit,
        }
      : { id: 'persistence.limit', target: 'envelope and bytes per transition under 64 KB', measured: 'not measured', met: null },
  );
  checks.push(
    ps
      ? {
          id: 'persistence.flat',
          target: 'envelope and bytes per transition flat as the game goes on (last-quartile mean ≤ 1.25× the first)',
          measured:
            `envelope ${kb(ps.envelope.firstQuartileMean)} → ${kb(ps.envelope.lastQuartileMean)} (×${ps.envelope.ratio}); ` +
            `per transition ${kb(ps.perTransition.firstQuartileMean)} → ${kb(ps.perTransition.lastQuartileMean)} (×${ps.perTransition.ratio})`,
          met: ps.envelope.ratio <= 1.25 && ps.perTransition.ratio <= 1.25,
        }
      : { id: 'persistence.flat', target: 'envelope and bytes per transition flat as the game goes on', measured: 'not measured', met: null },
  );
  const rs = steps.restore?.result;
  checks.push(
    rs
      ? {
          id: 'restore',
          target: 'restore within 2× of the baseline cold start',
          measured: `${rs.gameCold.p50} ms vs ${rs.baselineCold.p50} ms (${rs.ratio}×), p50 of ${rs.trials} restarts`,
          met: rs.ratio <= 2,
        }
      : { id: 'restore', target: 'restore within 2× of the baseline cold start', measured: steps.restore?.error ?? 'not measured', met: null },
  );
  const tm = steps.timers?.result;
  checks.push(
    tm
      ? {
          id: 'timers',
          target: 'timer lateness p99 under 100 ms',
          measured: `p99 ${tm.all.p99} ms over ${tm.all.n} timers (p50 ${tm.all.p50} ms, max ${tm.all.max} ms)`,
          met: tm.all.p99 < 100,
        }
      : { id: 'timers', target: 'timer lateness p99 under 100 ms', measured: 'not measured', met: null },
  );
  const sim = steps.simulation?.result;
  checks.push(
    sim
      ? {
          id: 'simulation',
          target: 'a simulated 20-player game under 2 s',
          measured: `p50 ${sim.wallMs.p50} ms, max ${sim.wallMs.max} ms over ${sim.runs} games`,
          met: sim.wallMs.p50 < 2000,
        }
      : { id: 'simulation', target: 'a simulated 20-player game under 2 s', measured: 'not measured', met: null },
  );
  return checks;
}

/** The problems with a results object's shape; [] when it is what the report and the next run expect. */
export function checkShape(results: BenchResults): string[] {
  const problems: string[] = [];
  if (results.schema !== SCHEMA_VERSION) problems.push(`schema is ${results.schema}, expected ${SCHEMA_VERSION}`);
  for (const key of ['cpu', 'cores', 'memoryGiB', 'node', 'workerd', 'date'] as const) {
    if (results.machine?.[key] === undefined) problems.push(`machine.${key} is missing`);
  }
  for (const name of STEP_NAMES) {
    const step = results.steps[name];
    if (!step) problems.push(`steps.${name} is missing`);
    else if (!step.result && !step.error) problems.push(`steps.${name} has neither a result nor an error`);
  }
  if (!Array.isArray(results.metrics) || results.metrics.some((m) => typeof m.value !== 'number' || !m.id)) {
    problems.push('metrics must be a list of { id, value }');
  }
  if (!Array.isArray(results.targets) || results.targets.length !== 6) problems.push('targets must list the 6 targets');
  return problems;
}
