/** The Worker's bindings, as wrangler.toml declares them. */
interface Env {
  GameServer: DurableObjectNamespace<import('./game-server').GameServer>;
  DB: D1Database;
  ASSETS?: Fetcher;
  /** The lobby secret; without it every privileged request is refused. */
  LOBBY_SECRET?: string;
  /** "1" turns on developer tools (firing timers by hand); never set in production. */
  DEV_TOOLS?: string;
  /** The benchmark's bare baseline room; "1" only in benchmark runs. */
  BaselineRoom: DurableObjectNamespace<import('./baseline-room').BaselineRoom>;
  BENCH?: string;
}

declare namespace Cloudflare {
  interface Env {
    GameServer: DurableObjectNamespace<import('./game-server').GameServer>;
    DB: D1Database;
    ASSETS?: Fetcher;
    LOBBY_SECRET?: string;
    DEV_TOOLS?: string;
    BaselineRoom: DurableObjectNamespace<import('./baseline-room').BaselineRoom>;
    BENCH?: string;
  }
}
