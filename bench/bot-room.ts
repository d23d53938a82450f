/**
 * A pecking-order room played by bots over real WebSockets: the game is created through the lobby
 * (`POST /api/games`), every bot holds its own player socket, and a bot's move is
 * `decideBotMove(view, rng)` on the view its socket last received — exactly what a phone sees.
 */
import { seededRandom } from '../machines/pecking-order/rules';
import { decideBotMove, type BotMove, type BotTemper } from '../machines/pecking-order/testing/bots';
import { defaultDayPlan } from '../machines/pecking-order/v1/day-plan';
import type { PlayerView } from '../machines/pecking-order/v1/projection';
import { PlayerSocket } from './player-socket';
import { adminEvent, createGame, socketUrl, type CreatedGame, type Target } from './room-api';

/** Busier than the game's default bots: a move almost every time, mostly talk. */
export const BENCH_TEMPER: BotTemper = { chat: 0.5, dm: 0.35, transfer: 0.15 };

export interface BotRoomOptions {
  players: number;
  preset: 'TEST' | 'FAST' | 'DEFAULT';
  scheduling: 'ADMIN' | 'PRE_SCHEDULED';
  /** Enough silver that DMs and gifts never run out in a long run (the game allows up to 10,000). */
  startingSilver?: number;
  startAt?: number;
  days?: number;
  /**
   * Read-only connections beside the players' own (second devices, a host's screen): each holds a
   * player's token, receives what that player does, and never sends. They follow the players'
   * sockets in {@link BotRoom.sockets}.
   */
  readers?: number;
}

export function manifestOf(options: BotRoomOptions): Record<string, unknown> {
  return {
    preset: options.preset,
    scheduling: options.scheduling,
    days: defaultDayPlan(options.players, options.days),
    ...(options.startingSilver !== undefined ? { startingSilver: options.startingSilver } : {}),
    ...(options.startAt !== undefined ? { startAt: options.startAt } : {}),
  };
}

let chatCounter = 0;

/** The bot's move, or a group chat line when the bot has nothing else to do and the chat is open. */
export function benchMove(view: PlayerView, rng: () => number, temper: BotTemper = BENCH_TEMPER): BotMove | null {
  const move = decideBotMove(view, rng, temper);
  if (move) return move;
  if (!view.me.alive || !view.open.groupChat) return null;
  return { type: 'chat.post', payload: { text: `Anyone want to team up? #${(++chatCounter).toString(36)}` } };
}

export class BotRoom {
  readonly rngs: (() => number)[];

  private constructor(
    readonly target: Target,
    readonly game: CreatedGame,
    readonly ids: string[],
    readonly sockets: PlayerSocket[],
  ) {
    this.rngs = ids.map((id) => seededRandom(`bench:${game.roomId}:${id}`));
  }

  get roomId(): string {
    return this.game.roomId;
  }

  static async create(target: Target, options: BotRoomOptions): Promise<BotRoom> {
    const game = await createGame(target, { players: options.players, manifest: manifestOf(options) });
    const ids = [...game.tokens.keys()];
    const readers = Array.from({ length: options.readers ?? 0 }, (_, i) => ids[i % ids.length]!);
    const sockets = await Promise.all(
      [...ids, ...readers].map((id, i) =>
        PlayerSocket.open(
          socketUrl(target.baseUrl, 'game-server', game.roomId, { token: game.tokens.get(id)! }),
          i < ids.length ? id : `${id}-reader`,
        ),
      ),
    );
    return new BotRoom(target, game, ids, sockets);
  }

  view(index = 0): PlayerView {
    return this.sockets[index]!.view<PlayerView>()!;
  }

  /** The players' own sockets (without the readers). */
  get players(): PlayerSocket[] {
    return this.sockets.slice(0, this.ids.length);
  }

  /** The next move of bot `index`, decided on its latest view. */
  move(index: number): BotMove | null {
    return benchMove(this.view(index), this.rngs[index]!);
  }

  /** `admin.advance`, then waits until every socket has seen the resulting view. */
  async advance(): Promise<number> {
    const { seq } = await adminEvent(this.target, this.roomId, { type: 'admin.advance' });
    await this.allSeen(seq);
    return seq;
  }

  /** Advances until bot 0's view shows `phase` on `day` (bounded). */
  async advanceTo(day: number, phase: string, maxSteps = 100): Promise<void> {
    for (let i = 0; i < maxSteps; i++) {
      const view = this.view();
      if (view.day === day && view.phase === phase) return;
      if (view.phase === 'gameOver') break;
      await this.advance();
    }
    throw new Error(`could not reach day ${day} ${phase}; the room is at day ${this.view().day} ${this.view().phase}`);
  }

  /**
   * Waits until every socket has received all the room sent it up to transition `seq` (a socket
   * whose view did not change gets nothing to wait for); false when one did not within the time.
   */
  async allSeen(_seq: number, timeoutMs = 15_000): Promise<boolean> {
    const seen = await Promise.all(this.sockets.map((s) => s.sync(timeoutMs)));
    return seen.every(Boolean);
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }
}

/** Sockets on a baseline room (`/parties/baseline-room/:room`): no auth, no game. */
export async function openBaseline(baseUrl: string, roomId: string, players: number): Promise<PlayerSocket[]> {
  return Promise.all(
    Array.from({ length: players }, (_, i) => PlayerSocket.open(socketUrl(baseUrl, 'baseline-room', roomId), `baseline-${i + 1}`)),
  );
}
