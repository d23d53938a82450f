/**
 * The Worker as the benchmarks run it: the production entry and room, plus the bare baseline room
 * they measure the game room against. Only the bench build (bench/wrangler.bench.toml) has this
 * entry; the production build (wrangler.toml → worker/index.ts) ships no baseline room.
 */
export { default, GameServer } from './index';
export { BaselineRoom } from './baseline-room';
