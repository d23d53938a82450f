/** The Worker's bindings, as wrangler.toml declares them (and the vars `npm start` and benches set). */
type WorkerBindings = {
  GameServer: DurableObjectNamespace<import('./game-server').GameServer>;
  DB: D1Database;
  ASSETS?: Fetcher;
  /** The lobby secret; without it every privileged request is refused. */
  LOBBY_SECRET?: string;
  /** "1" turns on developer tools (firing timers by hand); never set in production. */
  DEV_TOOLS?: string;
};

interface Env extends WorkerBindings {}

declare namespace Cloudflare {
  interface Env extends WorkerBindings {}
}
