/**
 * `npm run load`: bots play a whole game against any deployment — a user-facing load tool.
 *
 *   npm run load -- --url https://… --secret <lobby secret> [--players 20] [--preset FAST]
 *                   [--scheduling PRE_SCHEDULED|ADMIN] [--phase-seconds 5] [--think-ms 1500] [--max-minutes 30]
 *
 * It creates the game with `POST /api/games`, connects one socket per player, and each bot makes a
 * move (`decideBotMove` on its own latest view: vote, pick, chat, DM, give silver) every
 * `--think-ms` or so. PRE_SCHEDULED games move on by the room's own timers (TEST: ~70 s, FAST:
 * ~15 min); in ADMIN games the tool advances a phase every `--phase-seconds`. It stops when the
 * game is over or after `--max-minutes`, whichever is first, and prints a summary. Without
 * `--url` it starts the system locally first.
 */
import { seededRandom } from '../machines/pecking-order/rules';
import { decideBotMove, DEFAULT_TEMPER } from '../machines/pecking-order/testing/bots';
import type { PlayerView } from '../machines/pecking-order/v1/projection';
import { scheduleOf } from '../machines/pecking-order/v1/timeline';
import { manifestOf } from './bot-room';
import { numberArg, parseArgs, stringArg } from './cli-args';
import { LocalServer } from './local-server';
import { PlayerSocket } from './player-socket';
import { Progress } from './progress';
import { adminEvent, createGame, roomStatus, socketUrl, type Target } from './room-api';
import { distribution } from './stats';

const PRESETS = ['TEST', 'FAST', 'DEFAULT'] as const;
const MAX_RECONNECTS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Bot {
  id: string;
  token: string;
  socket: PlayerSocket;
  rng: () => number;
  reconnects: number;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const players = numberArg(args, 'players', 20);
  const preset = (stringArg(args, 'preset') ?? 'FAST') as (typeof PRESETS)[number];
  const scheduling = (stringArg(args, 'scheduling') ?? 'PRE_SCHEDULED') as 'PRE_SCHEDULED' | 'ADMIN';
  const phaseSeconds = numberArg(args, 'phase-seconds', 5);
  const thinkMs = Math.max(150, numberArg(args, 'think-ms', 1500)); // the room allows 10 frames/s per socket
  const maxMinutes = numberArg(args, 'max-minutes', 30);
  if (!PRESETS.includes(preset)) throw new Error(`--preset is one of ${PRESETS.join(', ')}`);
  if (scheduling !== 'PRE_SCHEDULED' && scheduling !== 'ADMIN') throw new Error('--scheduling is PRE_SCHEDULED or ADMIN');
  if (!Number.isInteger(players) || players < 3 || players > 20) throw new Error('--players is 3 to 20');
  const url = stringArg(args, 'url');
  const secret = stringArg(args, 'secret');
  if (url && !secret) throw new Error('--url needs --secret (the deployment’s LOBBY_SECRET)');

  const progress = new Progress(1);
  let server: LocalServer | undefined;
  process.once('SIGINT', async () => {
    await server?.dispose();
    process.exit(130);
  });
  try {
    if (!url) {
      progress.note('no --url: starting the system locally (wrangler dev) …');
      server = new LocalServer();
      await server.start();
    }
    const target: Target = { baseUrl: url ?? server!.baseUrl, secret: secret ?? server!.secret };
    return await play(target, { players, preset, scheduling, phaseSeconds, thinkMs, maxMinutes }, progress);
  } finally {
    progress.done();
    await server?.dispose();
  }
}

async function play(
  target: Target,
  options: {
    players: number;
    preset: (typeof PRESETS)[number];
    scheduling: 'PRE_SCHEDULED' | 'ADMIN';
    phaseSeconds: number;
    thinkMs: number;
    maxMinutes: number;
  },
  progress: Progress,
): Promise<number> {
  const manifest = manifestOf({ players: options.players, preset: options.preset, scheduling: options.scheduling });
  const createdAt = Date.now();
  const game = await createGame(target, { players: options.players, manifest });
  const schedule = scheduleOf(manifest as never, createdAt);
  const expectedMs =
    options.scheduling === 'PRE_SCHEDULED' ? schedule.at(-1)!.ends - createdAt : schedule.length * 6 * options.phaseSeconds * 1000;
  const deadline = createdAt + options.maxMinutes * 60_000;
  progress.note(
    `room ${game.roomId}: ${options.players} bots, ${schedule.length} days, ${options.preset} ${options.scheduling}; expected ~${Math.ceil(expectedMs / 60_000)} min`,
  );
  if (createdAt + expectedMs > deadline)
    progress.note(`the game is longer than --max-minutes ${options.maxMinutes}: the tool stops before its end`);
  progress.begin(1, `bots playing room ${game.roomId}`);

  const connect = (id: string, token: string) =>
    PlayerSocket.open(socketUrl(target.baseUrl, 'game-server', game.roomId, { token }), id, 30_000);
  const bots: Bot[] = await Promise.all(
    [...game.tokens].map(async ([id, token]) => ({
      id,
      token,
      socket: await connect(id, token),
      rng: seededRandom(`load:${game.roomId}:${id}`),
      reconnects: 0,
    })),
  );
  const accepted: Record<string, number> = {};
  const refused: Record<string, number> = {};
  const ackMs: number[] = [];
  const viewMs: number[] = [];
  let over = false;
  let lastPhase = '';

  const botLoop = async (bot: Bot) => {
    await sleep(bot.rng() * options.thinkMs);
    while (!over && Date.now() < deadline) {
      if (bot.socket.closed) {
        if (bot.reconnects >= MAX_RECONNECTS) return;
        bot.reconnects++;
        try {
          bot.socket = await connect(bot.id, bot.token);
        } catch {
          await sleep(2_000);
          continue;
        }
      }
      const view = bot.socket.view<PlayerView>();
      if (view?.phase === 'gameOver') return;
      const move = view ? decideBotMove(view, bot.rng, DEFAULT_TEMPER) : null;
      if (move) {
        const sent = bot.socket.send({ type: move.type, ...move.payload });
        const answer = await bot.socket.answer(sent.ref, 15_000);
        if (answer.kind === 'ack') {
          accepted[move.type] = (accepted[move.type] ?? 0) + 1;
          ackMs.push(answer.at - sent.sentAt);
          // The sender's view comes only when it changed (a chat post changes nobody's view).
          if ((await bot.socket.sync(15_000)) && bot.socket.viewAtOrAfter(answer.seq))
            viewMs.push(bot.socket.viewAtOrAfter(answer.seq)!.at - sent.sentAt);
        } else {
          refused[answer.code] = (refused[answer.code] ?? 0) + 1;
        }
      }
      await sleep(options.thinkMs * (0.5 + bot.rng()));
    }
  };

  const hostLoop = async () => {
    let nextAdvance = Date.now() + options.phaseSeconds * 1000;
    while (!over && Date.now() < deadline) {
      const view = bots.find((b) => !b.socket.closed)?.socket.view<PlayerView>();
      if (view?.phase === 'gameOver') over = true;
      if (view) lastPhase = `day ${view.day} ${view.phase}`;
      if (options.scheduling === 'ADMIN' && !over && Date.now() >= nextAdvance) {
        await adminEvent(target, game.roomId, { type: 'admin.advance' }).catch((error) =>
          progress.note(`advance failed: ${error.message}`),
        );
        nextAdvance = Date.now() + options.phaseSeconds * 1000;
      }
      const sent = Object.values(accepted).reduce((a, b) => a + b, 0);
      const failed = Object.values(refused).reduce((a, b) => a + b, 0);
      const connected = bots.filter((b) => !b.socket.closed).length;
      const p50 = distribution(viewMs).p50;
      progress.update(
        `${lastPhase} · ${sent} actions (${failed} refused) · view p50 ${Number.isFinite(p50) ? p50 : '—'} ms · ${connected}/${bots.length} connected · ${Math.round((Date.now() - createdAt) / 1000)} s`,
      );
      await sleep(500);
    }
  };

  await Promise.all([hostLoop(), ...bots.map(botLoop)]);
  over = true;
  const status = await roomStatus(target, game.roomId).catch(() => null);
  for (const bot of bots) bot.socket.close();
  const finished = status?.status === 'finished';
  const finalView = bots[0]!.socket.view<PlayerView>();
  const ack = distribution(ackMs);
  const view = distribution(viewMs);
  const lines = [
    '',
    `Load run against ${target.baseUrl}`,
    `  room        ${game.roomId} (host link: /host#room=${game.roomId}&token=…)`,
    `  game        ${options.players} players, ${options.preset}, ${options.scheduling}: ${finished ? `finished, winner ${finalView?.winner ?? 'none'} (${finalView?.ending ?? '?'})` : `NOT finished (${lastPhase}; stopped by --max-minutes ${options.maxMinutes})`}`,
    `  duration    ${Math.round((Date.now() - createdAt) / 1000)} s`,
    `  accepted    ${JSON.stringify(accepted)}`,
    `  refused     ${JSON.stringify(refused)}`,
    `  send → ack          p50 ${ack.p50} ms, p95 ${ack.p95} ms, p99 ${ack.p99} ms (${ack.n})`,
    `  send → own view     p50 ${view.p50} ms, p95 ${view.p95} ms, p99 ${view.p99} ms`,
    `  reconnects  ${bots.reduce((n, b) => n + b.reconnects, 0)}`,
    `  frames in   ${bots.reduce((n, b) => n + b.socket.framesIn, 0)} (${Math.round(bots.reduce((n, b) => n + b.socket.bytesIn, 0) / 1024)} KB on the last sockets)`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  return finished ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
