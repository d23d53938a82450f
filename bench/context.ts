/** What every benchmark step gets: where the system is, how big to make the loads, progress, shared rooms. */
import type { LocalServer } from './local-server';
import type { Progress } from './progress';
import type { Target } from './room-api';

export interface BenchContext {
  target: Target;
  progress: Progress;
  /** Tiny sizes: checks the tool end to end, measures nothing worth keeping. */
  smoke: boolean;
  /** Present when the bench started the system itself (restarts are possible). */
  server: LocalServer | undefined;
  /** Rooms one step leaves for a later one. */
  shared: {
    /** A baseline room holding the latency step's rows. */
    baselineRoomId?: string;
    /** A pecking-order room whose game is over, and a player token for it. */
    finishedGame?: { roomId: string; token: string };
  };
}
