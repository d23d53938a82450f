/**
 * CPU profiles of the Worker under load, through the DevTools port `wrangler dev` opens: where the
 * room's time goes, summed by function (self time), for the report's "why" when a target is missed.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  function: string;
  /** Share of the samples where this function itself ran. */
  selfShare: number;
  selfMs: number;
}

export class CpuProfiler {
  private id = 0;
  private readonly pending = new Map<number, (result: any) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data));
      const resolve = message.id !== undefined ? this.pending.get(message.id) : undefined;
      if (resolve) {
        this.pending.delete(message.id);
        resolve(message.error ? Promise.reject(new Error(message.error.message)) : message.result);
      }
    });
  }

  /** Connects to the first inspectable Worker on the DevTools port. */
  static async connect(inspectorPort: number): Promise<CpuProfiler> {
    const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`, { signal: AbortSignal.timeout(5_000) })).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error('no inspectable Worker on the DevTools port');
    // wrangler's DevTools proxy accepts local origins only; Node's WebSocket takes headers as an undici extension.
    const ws = new WebSocket(url, { headers: { Origin: 'http://localhost' } } as never);
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve());
      ws.addEventListener('error', () => reject(new Error('cannot open the DevTools socket')));
    });
    const profiler = new CpuProfiler(ws);
    await profiler.call('Profiler.enable');
    await profiler.call('Profiler.setSamplingInterval', { interval: 1000 });
    return profiler;
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<any> {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 30_000);
      this.pending.set(id, (result) => {
        clearTimeout(timer);
        Promise.resolve(result).then(resolve, reject);
      });
    });
  }

  async start(): Promise<void> {
    await this.call('Profiler.start');
  }

  /** Stops profiling; the hottest functions by self time, idle excluded. */
  async stop(top = 15, locate?: Locate): Promise<{ busyMs: number; wallMs: number; hotSpots: HotSpot[] }> {
    const { profile } = (await this.call('Profiler.stop')) as { profile: Profile };
    return summariseProfile(profile, top, locate);
  }

  close(): void {
    this.ws.close();
  }
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

/** `name file:line`; a built-in (no file, e.g. SQLite's `exec`) is named with the caller it ran for. */
function label(node: ProfileNode, parents: Map<number, ProfileNode>, locate: Locate): string {
  const name = node.callFrame.functionName || '(anonymous)';
  if (IDLE.has(name)) return name;
  if (!node.callFrame.url || node.callFrame.url.startsWith('cloudflare-internal')) {
    // Two callers: the first is often a small helper (`rows`) shared by every query.
    const callers: string[] = [];
    for (let parent = parents.get(node.id); parent && callers.length < 2; parent = parents.get(parent.id)) {
      if (parent.callFrame.url && !parent.callFrame.url.startsWith('cloudflare-internal')) {
        callers.push(`${parent.callFrame.functionName || '(anonymous)'} ${locate(parent.callFrame)}`);
      }
    }
    return [name, ...callers].join(' ← ');
  }
  return `${name} ${locate(node.callFrame)}`;
}

/** Maps a bundle position to its source (`worker/room-engine.ts:176`); the default keeps the bundle's. */
export type Locate = (frame: { url: string; lineNumber: number; columnNumber?: number }) => string;

const bundleLocation: Locate = (frame) => `${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}`;

export function summariseProfile(
  profile: Profile,
  top: number,
  locate: Locate = bundleLocation,
): { busyMs: number; wallMs: number; hotSpots: HotSpot[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const selfMs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (!node) continue;
    if (node.callFrame.functionName === '(idle)') continue;
    const key = label(node, parents, locate);
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
    busy += ms;
  }
  const hotSpots = [...selfMs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ function: fn, selfMs: Math.round(ms), selfShare: Math.round((ms / busy) * 1000) / 1000 }));
  return { busyMs: Math.round(busy), wallMs: Math.round((profile.endTime - profile.startTime) / 1000), hotSpots };
}

/**
 * Maps bundle positions to the repository's sources with the bundle's source map (`<bundle>.js.map`).
 * Only frames of that bundle are mapped: the bench build's is `bench-entry.js`, the production
 * build's `index.js`; miniflare's own modules keep their names.
 */
export function sourceMapLocate(mapFile: string): Locate {
  let map: SourceMap | undefined;
  try {
    map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  } catch {
    return bundleLocation;
  }
  const bundle = basename(mapFile).replace(/\.map$/, '');
  return (frame) => {
    // workerd names the bundle's frames by the bare file name (`bench-entry.js`), a URL elsewhere.
    if (frame.url !== bundle && !frame.url.endsWith(`/${bundle}`)) return bundleLocation(frame);
    const entry = map!.findEntry(frame.lineNumber, frame.columnNumber ?? 0) as { originalSource?: string; originalLine?: number };
    if (!entry?.originalSource) return bundleLocation(frame);
    const source = entry.originalSource.replace(/^.*?\/(worker|machines|engine|protocol|node_modules)\//, '$1/');
    return `${source}:${(entry.originalLine ?? 0) + 1}`;
  };
}
