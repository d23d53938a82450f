/**
 * Step 4, restore: how long an evicted room takes from the first request to its first view, for a
 * pecking-order room holding an end-of-game state (the heavy game's room) against the baseline
 * room's cold start. Eviction is a restart of the local server on the same state directory; the
 * Worker itself is woken first by a request that touches no room, so both rooms pay only their
 * own start. Each trial restarts once and alternates which room goes first.
 */
import type { BenchContext } from '../context';
import { BotRoom } from '../bot-room';
import { PlayerSocket } from '../player-socket';
import { adminEvent, roomStatus, send, socketUrl } from '../room-api';
import { distribution, round, type Distribution } from '../stats';

export interface RestoreResult {
  trials: number;
  /** Connect → first view, ms, after a restart. */
  gameCold: Distribution;
  baselineCold: Distribution;
  /**
   * A second, smaller finished game room, opened right after the first in the same restarted
   * process: the pecking-order code is loaded and compiled by then, so this is the room's own
   * restore (and closer to production, where an isolate usually already ran other rooms).
   */
  secondGameCold: Distribution;
  /** Same, with the room already awake. */
  gameWarm: Distribution;
  baselineWarm: Distribution;
  /** gameCold p50 / baselineCold p50. */
  ratio: number;
  /** The first request after a restart (wakes the Worker, no room). */
  workerWake: Distribution;
  restartSeconds: Distribution;
  room: { envelopeBytes: number; seq: number; status: string };
}

async function firstView(url: string, label: string): Promise<number> {
  const socket = await PlayerSocket.open(url, label, 30_000);
  socket.close();
  return socket.firstViewAt! - socket.openedAt;
}

/** A finished game (ended by the host), to restore when the persistence step did not leave one. */
async function endedGame(ctx: BenchContext): Promise<{ roomId: string; token: string }> {
  const room = await BotRoom.create(ctx.target, { players: 20, preset: 'TEST', scheduling: 'ADMIN', startingSilver: 10_000 });
  await adminEvent(ctx.target, room.roomId, { type: 'admin.endGame' });
  room.close();
  return { roomId: room.roomId, token: room.game.tokens.get(room.ids[0]!)! };
}

export async function restoreStep(ctx: BenchContext): Promise<RestoreResult> {
  const server = ctx.server;
  if (!server) throw new Error('skipped: evicting rooms needs the local server (run without --url)');
  const { progress, target } = ctx;
  const game = ctx.shared.finishedGame ?? (await endedGame(ctx));
  const second = await endedGame(ctx);
  const secondUrl = () => socketUrl(server.baseUrl, 'game-server', second.roomId, { token: second.token });
  const baselineRoomId = ctx.shared.baselineRoomId ?? `bench-restore-${Date.now()}`;
  const gameUrl = () => socketUrl(server.baseUrl, 'game-server', game.roomId, { token: game.token });
  const baselineUrl = () => socketUrl(server.baseUrl, 'baseline-room', baselineRoomId);
  // A baseline room that never ran has nothing stored: create it (it keeps its table) before evicting it.
  if (!ctx.shared.baselineRoomId) await firstView(baselineUrl(), 'baseline');

  const trials = ctx.smoke ? 1 : 5;
  const gameCold: number[] = [];
  const secondCold: number[] = [];
  const baselineCold: number[] = [];
  const workerWake: number[] = [];
  const restart: number[] = [];
  for (let t = 0; t < trials; t++) {
    progress.update(`trial ${t + 1}/${trials}: restarting the server`);
    const timing = await server.restart();
    restart.push((timing.stopMs + timing.startMs) / 1000);
    // wrangler's readiness probe already woke the Worker; time one more request that touches no room.
    const wakeStart = performance.now();
    await send(new URL('/api/games', server.baseUrl));
    workerWake.push(performance.now() - wakeStart);
    const order = t % 2 === 0 ? ['game', 'baseline'] : ['baseline', 'game'];
    for (const which of order) {
      progress.update(`trial ${t + 1}/${trials}: first view from the cold ${which} room`);
      if (which === 'game') gameCold.push(await firstView(gameUrl(), 'restored game'));
      else baselineCold.push(await firstView(baselineUrl(), 'restored baseline'));
    }
    secondCold.push(await firstView(secondUrl(), 'second restored game'));
  }
  const gameWarm: number[] = [];
  const baselineWarm: number[] = [];
  for (let i = 0; i < (ctx.smoke ? 2 : 10); i++) {
    gameWarm.push(await firstView(gameUrl(), 'warm game'));
    baselineWarm.push(await firstView(baselineUrl(), 'warm baseline'));
  }
  const status = await roomStatus(target, game.roomId);
  const cold = distribution(gameCold);
  const base = distribution(baselineCold);
  return {
    trials,
    gameCold: cold,
    baselineCold: base,
    secondGameCold: distribution(secondCold),
    gameWarm: distribution(gameWarm),
    baselineWarm: distribution(baselineWarm),
    ratio: round(cold.p50 / base.p50),
    workerWake: distribution(workerWake),
    restartSeconds: distribution(restart),
    room: { envelopeBytes: status.envelopeBytes, seq: status.seq, status: status.status },
  };
}
