/**
 * `npm run bench`: the benchmarks of issue 6, against a bare baseline room in the same run.
 * Progress goes to stderr; the targets and headline numbers to stdout at the end.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, stringArg } from './cli-args';
import type { BenchContext } from './context';
import { LocalServer } from './local-server';
import { cpuMeter, machineInfo } from './machine-info';
import { Progress } from './progress';
import { renderChart } from './chart';
import { renderMarkdown } from './report';
import {
  checkShape,
  metricsOf,
  SCHEMA_VERSION,
  STEP_NAMES,
  targetsOf,
  withDeltas,
  type BenchResults,
  type StepName,
  type StepRecord,
} from './results';
import { latencyStep } from './steps/latency';
import { persistenceStep } from './steps/persistence';
import { profileStep } from './steps/profile';
import { restoreStep } from './steps/restore';
import { SIMULATION_CHILD_FLAG, simulateAll, simulationStep } from './steps/simulation';
import { throughputStep } from './steps/throughput';
import { timersStep } from './steps/timers';

const USAGE = `npm run bench [-- options]

  (no options)            the full run: starts the system locally, writes docs/benchmarks.{md,json,svg}
  --smoke                 tiny sizes: checks the tool end to end, writes .bench/smoke/
  --only latency,timers   some steps only (latency, throughput, persistence, restore, timers, simulation),
                          writes .bench/partial/
  --url URL --secret S    against a deployment instead, of the bench build (bench/wrangler.bench.toml: the
                          production build has no baseline room); restarts and the CPU profile are skipped
  --out DIR               where benchmarks.{md,json,svg} go
`;

const STEPS: Record<StepName, (ctx: BenchContext) => Promise<unknown>> = {
  latency: latencyStep,
  throughput: throughputStep,
  persistence: persistenceStep,
  restore: restoreStep,
  timers: timersStep,
  simulation: simulationStep,
};

const TITLES: Record<StepName, string> = {
  latency: 'latency: cast sizes 5, 10, 20 and 20 + 20 readers, pecking-order room vs baseline room',
  throughput: 'throughput: offered rate raised until each room saturates',
  persistence: 'persistence: a heavy 20-player, 7-day game',
  restore: 'restore: evicted rooms, first view after a restart',
  timers: 'timers: lateness, live and across a restart',
  simulation: 'simulation: whole games of the pure machines',
};

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const smoke = args.smoke === true;
  // The simulation step's own process (steps/simulation.ts): the games, their result on stdout, nothing else.
  if (args[SIMULATION_CHILD_FLAG]) {
    process.stdout.write(JSON.stringify(await simulateAll(smoke)));
    return 0;
  }
  const onlyArg = stringArg(args, 'only');
  const only = onlyArg ? (onlyArg.split(',') as StepName[]) : undefined;
  for (const name of only ?? [])
    if (!STEP_NAMES.includes(name)) throw new Error(`--only: unknown step "${name}"; steps: ${STEP_NAMES.join(', ')}`);
  const url = stringArg(args, 'url');
  const secret = stringArg(args, 'secret');
  if (url && !secret) throw new Error('--url needs --secret (the deployment’s LOBBY_SECRET)');
  const outDir = stringArg(args, 'out') ?? (only ? '.bench/partial' : smoke ? '.bench/smoke' : 'docs');
  const steps = only ?? STEP_NAMES;

  const started = performance.now();
  const machine = machineInfo();
  const progress = new Progress(steps.length);
  let server: LocalServer | undefined;
  const stop = async () => {
    await server?.dispose();
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const results: BenchResults = {
    schema: SCHEMA_VERSION,
    mode: smoke ? 'smoke' : 'full',
    target: url ?? 'local wrangler dev (workerd), temporary state',
    machine,
    totalSeconds: 0,
    steps: {},
    metrics: [],
    targets: [],
  };
  try {
    if (!url) {
      progress.note('starting the system: bundling the Worker, applying migrations, wrangler dev …');
      server = new LocalServer();
      const { startMs } = await server.start();
      progress.note(`wrangler dev answers on ${server.baseUrl} after ${(startMs / 1000).toFixed(1)} s`);
    }
    const ctx: BenchContext = {
      // A getter: a restarted local server may have had to take another port.
      target: url
        ? { baseUrl: url, secret: secret! }
        : {
            get baseUrl() {
              return server!.baseUrl;
            },
            secret: server!.secret,
          },
      progress,
      smoke,
      server,
      shared: {},
    };
    for (const [i, name] of steps.entries()) {
      progress.begin(i + 1, TITLES[name]);
      const meter = cpuMeter(() => server?.cpuSeconds() ?? 0);
      const t0 = performance.now();
      const record: StepRecord<any> = { seconds: 0, cpu: { client: 0, server: 0, others: 0 } };
      try {
        record.result = await STEPS[name](ctx);
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
        progress.note(
          `${name} failed: ${error instanceof Error ? `${error.stack} ${JSON.stringify((error as { cause?: unknown }).cause ?? '')}` : record.error}`,
        );
        if (server) progress.note(`wrangler dev said:\n${server.tail(15)}`);
      }
      record.seconds = Math.round((performance.now() - t0) / 100) / 10;
      record.cpu = meter();
      (results.steps as Record<string, unknown>)[name] = record;
      progress.note(`${name} done in ${record.seconds} s`);
      if (name === 'throughput' && server) {
        progress.begin(i + 1, 'profile: where the room’s CPU goes under the latency load');
        try {
          results.profile = await profileStep(ctx);
        } catch (error) {
          progress.note(`profile skipped: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  } finally {
    progress.done();
    await server?.dispose();
  }
  results.totalSeconds = Math.round((performance.now() - started) / 1000);

  mkdirSync(outDir, { recursive: true });
  const jsonFile = join(outDir, 'benchmarks.json');
  const mdFile = join(outDir, 'benchmarks.md');
  const previous = existsSync(jsonFile) ? (JSON.parse(readFileSync(jsonFile, 'utf8')) as BenchResults) : undefined;
  const comparable = previous?.schema === SCHEMA_VERSION && previous.mode === results.mode ? previous : undefined;
  results.metrics = withDeltas(metricsOf(results.steps), comparable?.metrics);
  results.targets = targetsOf(results.steps);
  if (comparable) results.previous = { date: comparable.machine.date, commit: comparable.machine.commit };
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'benchmarks.svg'), renderChart(results));
  writeFileSync(mdFile, renderMarkdown(results, 'benchmarks.svg', existsSync(mdFile) ? readFileSync(mdFile, 'utf8') : undefined));

  const lines = ['', `Benchmarks (${results.mode}, ${results.totalSeconds} s) → ${outDir}/benchmarks.{md,json,svg}`, ''];
  for (const t of results.targets) lines.push(`  ${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.target}: ${t.measured}`);
  lines.push('');
  for (const m of results.metrics) {
    lines.push(
      `  ${m.id.padEnd(34)} ${String(m.value).padStart(10)} ${m.unit}${m.baseline !== undefined ? `   baseline ${m.baseline}` : ''}${m.delta !== undefined ? `   Δ ${m.delta}` : ''}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  const failed = Object.entries(results.steps).filter(([, step]) => step?.error && !step.error.startsWith('skipped'));
  const problems = checkShape(results).filter((p) => !only || !p.startsWith('steps.'));
  for (const p of problems) process.stderr.write(`results shape: ${p}\n`);
  return failed.length > 0 || problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
