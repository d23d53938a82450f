/**
 * The results file (docs/benchmarks.json): what every step measured, the headline metrics with
 * their deltas to the previous run, and each target met or missed. `checkShape` is what the smoke
 * test holds the tool to.
 */
import type { CpuShare, MachineInfo } from './machine-info';
import type { LatencyResult } from './steps/latency';
import type { PersistenceResult } from './steps/persistence';
import type { RestoreResult } from './steps/restore';
import type { SimulatedVersion, SimulationResult } from './steps/simulation';
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
    m.push({
      id,
      label,
      unit,
      value: r2(value),
      ...(baseline !== undefined && Number.isFinite(baseline) ? { baseline: r2(baseline) } : {}),
    });
  };
  const lat = steps.latency?.result;
  if (lat) {
    for (const q of ['p50', 'p95', 'p99'] as const)
      add(`latency.sender.${q}`, `sender's view, ${q}`, 'ms', lat.game.sender[q], lat.baseline.sender[q]);
    for (const q of ['p50', 'p95', 'p99'] as const)
      add(`latency.everyone.${q}`, `every player's view, ${q}`, 'ms', lat.game.everyone[q], lat.baseline.everyone[q]);
    add(
      'latency.serverCpuPerAction',
      'server CPU time per action',
      'ms',
      lat.game.serverCpuMsPerAction ?? undefined,
      lat.baseline.serverCpuMsPerAction ?? undefined,
    );
    add(
      'latency.bytesPerAction',
      'bytes to each socket per action',
      'B',
      lat.game.bytesPerActionPerSocket,
      lat.baseline.bytesPerActionPerSocket,
    );
    for (const cast of lat.sweep ?? []) {
      const id = `sweep.${cast.players}${cast.readers ? `+${cast.readers}` : ''}`;
      const who = `${cast.players} players${cast.readers ? ` + ${cast.readers} readers` : ''}`;
      add(`${id}.sender.p50`, `${who}: sender's view, p50`, 'ms', cast.game.sender.p50, cast.baseline.sender.p50);
      add(`${id}.sender.p99`, `${who}: sender's view, p99`, 'ms', cast.game.sender.p99, cast.baseline.sender.p99);
      add(`${id}.everyone.p50`, `${who}: every connection's view, p50`, 'ms', cast.game.everyone.p50, cast.baseline.everyone.p50);
      add(`${id}.everyone.p99`, `${who}: every connection's view, p99`, 'ms', cast.game.everyone.p99, cast.baseline.everyone.p99);
      add(
        `${id}.serverCpu`,
        `${who}: server CPU per action`,
        'ms',
        cast.game.serverCpuMsPerAction ?? undefined,
        cast.baseline.serverCpuMsPerAction ?? undefined,
      );
      add(
        `${id}.bytes`,
        `${who}: bytes to each socket per action`,
        'B',
        cast.game.bytesPerActionPerSocket,
        cast.baseline.bytesPerActionPerSocket,
      );
    }
  }
  const tp = steps.throughput?.result;
  if (tp)
    add(
      'throughput.sustained',
      `sustained actions/s (p99 < ${tp.p99LimitMs} ms)`,
      '/s',
      tp.sustainedPerSecond,
      tp.baselineSustainedPerSecond,
    );
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
    if (ps.writtenToEnvelope)
      add('persistence.writtenToEnvelope.p50', 'bytes written per transition / envelope, p50', '×', ps.writtenToEnvelope.p50);
  }
  const rs = steps.restore?.result;
  if (rs) {
    add('restore.cold.p50', 'cold room: connect → first view, p50', 'ms', rs.gameCold.p50, rs.baselineCold.p50);
    add('restore.cold.max', 'cold room: connect → first view, max', 'ms', rs.gameCold.max, rs.baselineCold.max);
    add(
      'restore.secondCold.p50',
      'cold room, pecking-order code already loaded: first view, p50',
      'ms',
      rs.secondGameCold.p50,
      rs.baselineCold.p50,
    );
    add('restore.warm.p50', 'awake room: connect → first view, p50', 'ms', rs.gameWarm.p50, rs.baselineWarm.p50);
  }
  const tm = steps.timers?.result;
  if (tm) {
    add('timers.all.p50', 'timer lateness, p50', 'ms', tm.all.p50);
    add('timers.all.p99', 'timer lateness, p99', 'ms', tm.all.p99);
    add('timers.all.max', 'timer lateness, max', 'ms', tm.all.max);
    if (tm.restart)
      add(
        'timers.overdue.afterBack.p50',
        'due while down: delivery − server answering again, p50',
        'ms',
        tm.restart.overdue.afterBackMs.p50,
      );
  }
  const sim = steps.simulation?.result;
  if (sim) {
    add('simulation.p50', 'simulated 20-player game, p50', 'ms', sim.wallMs.p50);
    add('simulation.max', 'simulated 20-player game, max', 'ms', sim.wallMs.max);
    add('simulation.cpu.p50', 'simulated 20-player game, CPU time p50', 'ms', sim.cpuMs.p50);
    add('simulation.first', 'simulated 20-player game, the first of the process', 'ms', sim.firstRunMs);
    for (const other of sim.versions?.slice(1) ?? []) {
      const key = `simulation.${other.machine.replace(/[^a-z0-9]+/gi, '-')}`;
      add(`${key}.p50`, `simulated 20-player ${other.machine} game, p50`, 'ms', other.wallMs.p50);
      add(`${key}.max`, `simulated 20-player ${other.machine} game, max`, 'ms', other.wallMs.max);
    }
  }
  return m;
}

export function withDeltas(metrics: Metric[], previous: Metric[] | undefined): Metric[] {
  const before = new Map((previous ?? []).map((p) => [p.id, p.value]));
  return metrics.map((metric) => (before.has(metric.id) ? { ...metric, delta: r2(metric.value - before.get(metric.id)!) } : metric));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The targets (issue 11's, and issue 6's that still stand), each met, missed, or not measured (null). */
export function targetsOf(steps: BenchResults['steps']): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (id: string, target: string, measure: () => { measured: string; met: boolean } | null, why?: string) => {
    const got = measure();
    checks.push(got ? { id, target, ...got } : { id, target, measured: why ?? 'not measured', met: null });
  };
  const lat = steps.latency?.result;
  const sweep = lat?.sweep ?? [];
  check('latency', `action latency p50, sender and everyone, ≤ 1.2× the baseline at ${lat?.players ?? 20} players`, () =>
    lat
      ? {
          measured: `sender ${lat.game.sender.p50} ms vs ${lat.baseline.sender.p50} ms (${lat.ratio.senderP50}×); everyone ${lat.game.everyone.p50} ms vs ${lat.baseline.everyone.p50} ms (${lat.ratio.everyoneP50}×)`,
          met: Math.max(lat.ratio.senderP50, lat.ratio.everyoneP50) <= 1.2,
        }
      : null,
  );
  check('latency.flat', 'latency ratio at the largest cast ≤ 1.1× the ratio at the smallest (flat in cast size)', () =>
    lat && sweep.length > 1
      ? {
          measured: `sender ${sweep[0]!.ratio.senderP50}× at ${sweep[0]!.players} → ${lat.ratio.senderP50}× at ${lat.players} (×${lat.growth.senderP50}); everyone ${sweep[0]!.ratio.everyoneP50}× → ${lat.ratio.everyoneP50}× (×${lat.growth.everyoneP50})`,
          met: Math.max(lat.growth.senderP50, lat.growth.everyoneP50) <= 1.1,
        }
      : null,
  );
  check('latency.bytes', 'bytes per socket per action ≤ 5× the baseline’s', () =>
    lat
      ? {
          measured: sweep
            .map(
              (c) =>
                `${c.players}${c.readers ? `+${c.readers}` : ''}: ${c.game.bytesPerActionPerSocket} B vs ${c.baseline.bytesPerActionPerSocket} B (${c.ratio.bytesPerSocket}×)`,
            )
            .join('; '),
          met: Math.max(...(sweep.length ? sweep : [{ ratio: lat.ratio }]).map((c) => c.ratio.bytesPerSocket)) <= 5,
        }
      : null,
  );
  check(
    'latency.cpu',
    'server CPU per action ≤ 1.5× the baseline’s',
    () =>
      lat && lat.ratio.serverCpu !== null
        ? {
            measured: sweep
              .map(
                (c) =>
                  `${c.players}${c.readers ? `+${c.readers}` : ''}: ${c.game.serverCpuMsPerAction} ms vs ${c.baseline.serverCpuMsPerAction} ms (${c.ratio.serverCpu}×${c.cpuRounds ? `, median of rounds ${c.cpuRounds.map((x) => `${x}×`).join(' ')}` : ''})`,
              )
              .join('; '),
            met: Math.max(...(sweep.length ? sweep : [{ ratio: lat.ratio }]).map((c) => c.ratio.serverCpu ?? Infinity)) <= 1.5,
          }
        : null,
    'not measured (no local server)',
  );
  const ps = steps.persistence?.result;
  check('persistence.written', 'bytes written per transition, p50, ≤ 1.25× the envelope size', () =>
    ps?.writtenToEnvelope
      ? {
          measured: `p50 of written / envelope ${ps.writtenToEnvelope.p50}× (p50 written ${ps.perTransition.distribution.p50} B, ${ps.writtenToEnvelope.ofP50s}× the p50 envelope)`,
          met: ps.writtenToEnvelope.p50 <= 1.25,
        }
      : null,
  );
  check('persistence.limit', 'envelope and bytes per transition under 64 KB at every point of the heavy game', () =>
    ps
      ? {
          measured: `envelope max ${kb(ps.envelope.max)}, written per transition max ${kb(ps.perTransition.max)} over ${ps.transitions} transitions`,
          met: ps.underLimit,
        }
      : null,
  );
  check('persistence.flat', 'envelope and bytes per transition flat as the game goes on (last-quartile mean ≤ 1.25× the first)', () =>
    ps
      ? {
          measured:
            `envelope ${kb(ps.envelope.firstQuartileMean)} → ${kb(ps.envelope.lastQuartileMean)} (×${ps.envelope.ratio}); ` +
            `per transition ${kb(ps.perTransition.firstQuartileMean)} → ${kb(ps.perTransition.lastQuartileMean)} (×${ps.perTransition.ratio})`,
          met: ps.envelope.ratio <= 1.25 && ps.perTransition.ratio <= 1.25,
        }
      : null,
  );
  const rs = steps.restore?.result;
  check(
    'restore',
    'cold restore (connect to first view) ≤ 1.5× the baseline’s cold start',
    () =>
      rs
        ? {
            measured: `${rs.gameCold.p50} ms vs ${rs.baselineCold.p50} ms (${rs.ratio}×), p50 of ${rs.trials} restarts`,
            met: rs.ratio <= 1.5,
          }
        : null,
    steps.restore?.error,
  );
  const tp = steps.throughput?.result;
  check('throughput', `sustained throughput ≥ 0.8× the baseline room’s own ceiling, with p99 < ${tp?.p99LimitMs ?? 250} ms`, () =>
    tp
      ? {
          measured: `${tp.sustainedPerSecond}/s vs ${tp.baselineSustainedPerSecond}/s (${tp.ratio}×)${tp.limitedByOfferedRate || tp.baselineLimitedByOfferedRate ? '; the highest rate offered was sustained, so a ceiling is higher' : ''}${tp.clientLimited || tp.baselineClientLimited ? `; the bots fell behind first for ${[tp.clientLimited ? 'the room' : '', tp.baselineClientLimited ? 'the baseline' : ''].filter(Boolean).join(' and ')}` : ''}`,
          met: tp.ratio >= 0.8,
        }
      : null,
  );
  const tm = steps.timers?.result;
  check('timers', 'timer lateness p99 under 100 ms', () =>
    tm
      ? { measured: `p99 ${tm.all.p99} ms over ${tm.all.n} timers (p50 ${tm.all.p50} ms, max ${tm.all.max} ms)`, met: tm.all.p99 < 100 }
      : null,
  );
  const sim = steps.simulation?.result;
  const simulated = (game: SimulatedVersion | undefined, warmup: number | undefined) =>
    game
      ? {
          measured: `${game.machine}: p50 ${game.wallMs.p50} ms, max ${game.wallMs.max} ms over ${game.runs} games${game.processes ? ` in ${game.processes.count} processes (p50s ${game.processes.p50s.map((p) => `${p} ms`).join(', ')})` : ''} after ${warmup ?? 0} warm-up games${game.processes ? ' each' : ''} (its first game ${game.firstRunMs} ms)`,
          met: game.wallMs.p50 <= 100,
        }
      : null;
  check('simulation', 'a simulated 20-player game ≤ 100 ms p50 (pecking-order@1, the version the target was set on)', () =>
    simulated(sim, sim?.warmup),
  );
  check('simulation-v2', 'a simulated 20-player game ≤ 100 ms p50 (pecking-order@2, the lobby’s default)', () =>
    simulated(sim?.versions?.[1], sim?.warmup),
  );
  return checks;
}

/** How many targets {@link targetsOf} judges. */
export const TARGET_COUNT = 12;

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
  // The CPU ratio is a median of rounds (steps/latency.ts): one round is no median.
  for (const cast of results.steps.latency?.result?.sweep ?? []) {
    if (cast.ratio.serverCpu !== null && !(cast.cpuRounds && cast.cpuRounds.length >= 2)) {
      problems.push(`latency: the ${cast.players}+${cast.readers} cast's CPU ratio has no rounds`);
    }
  }
  if (!Array.isArray(results.metrics) || results.metrics.some((m) => typeof m.value !== 'number' || !m.id)) {
    problems.push('metrics must be a list of { id, value }');
  }
  if (!Array.isArray(results.targets) || results.targets.length !== TARGET_COUNT)
    problems.push(`targets must list the ${TARGET_COUNT} targets`);
  return problems;
}
