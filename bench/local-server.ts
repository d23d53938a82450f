/**
 * The whole system on this machine, as `npm start` runs it: `wrangler dev` on workerd with local
 * SQLite and D1, here in a temporary state directory (`--persist-to`, migrations applied) on a
 * free loopback port, with a lobby secret made for this run. It runs the bench build
 * (bench/wrangler.bench.toml): the production Worker plus the baseline room, which the production
 * build does not have.
 *
 * It runs a snapshot: the Worker is bundled once at the start (`wrangler deploy --dry-run`, the
 * bundle a bench deployment would get) and served with `--no-bundle` from a copy of the bench config
 * whose paths point at that bundle and at an empty assets folder. `wrangler dev` reloads the Worker —
 * and drops every room and socket — whenever a watched file changes; in a shared work tree an
 * edit or a UI build elsewhere would otherwise land in the middle of a measurement.
 *
 * `restart()` stops the process and starts it again on the same state directory: every room is
 * evicted, and what they stored (SQLite, alarms) is what a new process finds.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { groupCpuSeconds } from './machine-info';

const ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
/** The bench build's wrangler config (relative to the repository root, where the tools run). */
export const BENCH_CONFIG = 'bench/wrangler.bench.toml';
const START_TIMEOUT_MS = 90_000;

function freePort(preferred?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (preferred !== undefined && error.code === 'EADDRINUSE') freePort().then(resolve, reject);
      else reject(error);
    });
    server.listen(preferred ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether any process of the group is still running. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StartTiming {
  /** From spawning `wrangler dev` to the first answered request. */
  startMs: number;
}

export class LocalServer {
  readonly secret = randomBytes(24).toString('base64url');
  readonly stateDir = mkdtempSync(join(tmpdir(), 'pecking-order-bench-'));
  port = 0;
  /** The DevTools port of the Worker (for CPU profiles); a free one, so it never meets another server's. */
  inspectorPort = 0;
  private child: ChildProcess | undefined;
  private output = '';
  /** When the current process first answered (ms since the epoch). */
  readyAt = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private readonly workDir = mkdtempSync(join(tmpdir(), 'pecking-order-bench-worker-'));
  private readonly config = join(this.workDir, 'wrangler.toml');

  /** Bundles the Worker, applies the D1 migrations to the state directory and starts wrangler dev. */
  async start(): Promise<StartTiming> {
    mkdirSync('dist/public', { recursive: true }); // the bundler checks that the config's assets folder exists
    const bundle = spawnSync(
      'npx',
      ['wrangler', 'deploy', '--dry-run', '--config', BENCH_CONFIG, '--outdir', join(this.workDir, 'bundle')],
      {
        env: ENV,
        encoding: 'utf8',
      },
    );
    if (bundle.status !== 0) throw new Error(`bundling the Worker failed:\n${bundle.stdout}\n${bundle.stderr}`);
    mkdirSync(join(this.workDir, 'public'), { recursive: true });
    const snapshot = snapshotConfig(readFileSync(BENCH_CONFIG, 'utf8'), this.workDir, dirname(resolve(BENCH_CONFIG)));
    writeFileSync(this.config, snapshot.config);
    this.bundleFile = snapshot.bundle;
    const migrate = spawnSync(
      'npx',
      ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', this.stateDir, '--config', this.config],
      { env: ENV, encoding: 'utf8' },
    );
    if (migrate.status !== 0) throw new Error(`D1 migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
    return this.launch();
  }

  /** Stops wrangler dev and starts it again on the same state directory (and port, when free). */
  async restart(pauseMs = 0): Promise<StartTiming & { stopMs: number }> {
    const t0 = performance.now();
    await this.stop();
    const stopMs = performance.now() - t0;
    if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    return { ...(await this.launch(this.port)), stopMs };
  }

  /** Ends the wrangler dev process group this object started (and only it). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.retiredCpuSeconds += groupCpuSeconds(child.pid); // its last reading: a restart must not lose it
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    // npx exits before its grandchildren: wait until workerd too has let go of the port and files.
    for (const deadline = Date.now() + 10_000; groupAlive(child.pid) && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    clearTimeout(timeout);
    this.child = undefined;
  }

  /** Stops the server and removes its state directory. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.stateDir, { recursive: true, force: true });
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** The process group of the running wrangler dev (for CPU accounting). */
  get processGroup(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** CPU time used by every wrangler dev process this object started, restarts included, s. */
  cpuSeconds(): number {
    return this.retiredCpuSeconds + groupCpuSeconds(this.processGroup);
  }

  private retiredCpuSeconds = 0;

  private bundleFile = '';

  /** The bundle's source map (to name the sources in CPU profiles). */
  get sourceMap(): string {
    return `${this.bundleFile}.map`;
  }

  /** The last lines wrangler printed (for error messages). */
  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  private async launch(preferredPort?: number): Promise<StartTiming> {
    this.port = await freePort(preferredPort);
    this.inspectorPort = await freePort(this.inspectorPort || undefined);
    const t0 = performance.now();
    const args = [
      'wrangler',
      'dev',
      '--config',
      this.config,
      '--no-bundle',
      '--port',
      String(this.port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(this.inspectorPort),
      '--persist-to',
      this.stateDir,
      '--var',
      `LOBBY_SECRET:${this.secret}`,
      '--var',
      'DEV_TOOLS:1',
      '--show-interactive-dev-session=false',
      '--log-level',
      'warn',
    ];
    const child = spawn('npx', args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${this.tail()}`);
      try {
        const response = await fetch(`${this.baseUrl}/api/games`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 405) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`wrangler dev did not answer within ${START_TIMEOUT_MS / 1000} s:\n${this.tail()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    this.readyAt = Date.now();
    return { startMs: performance.now() - t0 };
  }
}

/**
 * A wrangler config (the bench build's) with its three paths moved: `main` to its bundle in
 * `workDir/bundle` (named after the entry, as wrangler names it), the assets folder to an empty one,
 * and the D1 migrations folder made absolute (`configDir`: the folder the config's paths are
 * relative to). Everything else (bindings, migrations, flags) is the config's own, so the snapshot
 * cannot drift from it.
 */
export function snapshotConfig(toml: string, workDir: string, configDir: string): { config: string; bundle: string } {
  const replace = (text: string, pattern: RegExp, value: string, what: string) => {
    if (!pattern.test(text)) throw new Error(`the bench config has no ${what}; bench/local-server.ts needs updating`);
    return text.replace(pattern, (_match, key: string) => `${key}${JSON.stringify(value)}`);
  };
  const main = /^main\s*=\s*"(.*)"/m.exec(toml)?.[1];
  if (!main) throw new Error('the bench config has no `main`; bench/local-server.ts needs updating');
  const bundle = join(workDir, 'bundle', basename(main).replace(/\.[cm]?[jt]s$/, '.js'));
  let config = replace(toml, /^(main\s*=\s*)".*"/m, bundle, '`main`');
  config = replace(config, /^(directory\s*=\s*)".*"/m, join(workDir, 'public'), 'assets `directory`');
  const migrations = /^migrations_dir\s*=\s*"(.*)"/m.exec(config)?.[1];
  if (!migrations) throw new Error('the bench config has no `migrations_dir`; bench/local-server.ts needs updating');
  return { config: replace(config, /^(migrations_dir\s*=\s*)".*"/m, resolve(configDir, migrations), '`migrations_dir`'), bundle };
}
