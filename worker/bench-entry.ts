/**
 * The Worker as the benchmarks run it: the production entry and room, plus the bare baseline room
 * they measure the game room against. Only the bench build (bench/wrangler.bench.toml) has this
 * entry; the production build (wrangler.toml → worker/index.ts) ships no baseline room.
 *
 * One difference in the room: the per-player frame budget (10 a second) is lifted. With it, 20
 * players can offer at most 200 actions a second, which is the bots' ceiling, not the room's; the
 * throughput step needs to offer more until the room itself saturates. Everything a frame costs
 * the room is unchanged.
 */
import { GameServer as ProductionGameServer } from './index';
import { PlayerRateLimits } from './player-sockets';

export { default } from './index';
export { BaselineRoom } from './baseline-room';

export class GameServer extends ProductionGameServer {
  protected override playerRateLimits(): PlayerRateLimits {
    return new PlayerRateLimits(10_000, 10_000);
  }
}
