/**
 * Where the room's CPU goes under load: the latency step's load (20 bots, day 1's social phase)
 * with a CPU profile of the Worker taken through the DevTools port. Not one of the six measures —
 * it explains them — and only possible against the local server.
 */
import type { BenchContext } from '../context';
import { BotRoom } from '../bot-room';
import { CpuProfiler, sourceMapLocate } from '../cpu-profile';
import { driveOpenLoop, settle } from '../open-loop';
import type { Profile } from '../results';

export async function profileStep(ctx: BenchContext): Promise<Profile> {
  const server = ctx.server;
  if (!server) throw new Error('skipped: profiling needs the local server');
  const players = ctx.smoke ? 4 : 20;
  const rate = ctx.smoke ? 20 : 20;
  const count = ctx.smoke ? 20 : 300;
  const room = await BotRoom.create(ctx.target, { players, preset: 'TEST', scheduling: 'ADMIN', startingSilver: 10_000 });
  const profiler = await CpuProfiler.connect(server.inspectorPort);
  try {
    await room.advanceTo(1, 'social');
    await profiler.start();
    const run = await driveOpenLoop({
      sockets: room.sockets,
      rate,
      count,
      choose: (player) => {
        const move = room.move(player);
        return move ? { type: move.type, ...move.payload } : null;
      },
      onProgress: (n) => ctx.progress.update(`profiling: ${n}/${count} actions at ${rate}/s`),
    });
    await settle(room.sockets, run.actions);
    const summary = await profiler.stop(20, sourceMapLocate(server.sourceMap));
    return { label: `${count} actions at ${rate}/s from ${players} bots (day 1, social phase)`, actions: run.actions.length, ...summary };
  } finally {
    profiler.close();
    room.close();
  }
}
