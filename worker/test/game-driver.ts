/**
 * Drives a real pecking-order room in workerd: players on real WebSockets, each move decided by the
 * shared bots from the view the room sent that player, and time moved only by the room's own
 * durable timers (the test clock jumps to the next due timer and the alarm runs).
 */
import { runDurableObjectAlarm } from 'cloudflare:test';
import { expect } from 'vitest';
import { seededRandom } from '../../machines/pecking-order/rules';
import { decideBotMove, type BotTemper } from '../../machines/pecking-order/testing/bots';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import { patchedView } from '../../client/play/view-patch';
import { TestSocket, advance, call, stub, tokens } from './helpers';

export interface Seat {
  playerId: string;
  socket: TestSocket;
  view: PlayerView | null;
  seq: number;
  rng: () => number;
}

export class GameDriver {
  seats: Seat[] = [];
  refusals: { playerId: string; code: string; move: unknown }[] = [];
  moves = 0;
  private ref = 0;

  constructor(readonly room: string) {}

  async seat(players: string[]): Promise<void> {
    const { players: playerTokens } = await tokens(this.room);
    for (const playerId of players) {
      const socket = await TestSocket.open(this.room, `token=${playerTokens[playerId]}`);
      const seat: Seat = { playerId, socket, view: null, seq: 0, rng: seededRandom(`bots:${playerId}`) };
      socket.ws.addEventListener('message', (event) => {
        const frame = JSON.parse(String(event.data));
        if (frame.type === 'view' && frame.seq >= seat.seq) {
          seat.view = frame.view;
          seat.seq = frame.seq;
        }
        if (frame.type === 'patch') {
          // As the client does: apply it to the view held, or ask for the whole view.
          const next = patchedView<PlayerView>({ view: seat.view, seq: seat.seq }, frame);
          if (next === null) socket.send({ type: 'resync' });
          else if (next !== 'stale') [seat.view, seat.seq] = [next, frame.seq];
        }
      });
      await socket.next((f) => f.type === 'view');
      this.seats.push(seat);
    }
  }

  /**
   * Waits until every seat has heard all the room sent it so far. A seat whose view did not
   * change hears nothing, so there is no seq to wait for: each seat pings instead, and the room
   * answers a ping only after every frame it sent that seat before.
   */
  async settle(): Promise<void> {
    await Promise.all(
      this.seats.map(async (seat) => {
        seat.socket.send({ type: 'ping' });
        await seat.socket.next((f) => f.type === 'pong');
      }),
    );
  }

  /** Every seat makes up to `rounds` moves, each answered before the next. */
  async playRound(rounds: number, temper?: BotTemper): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      for (const seat of this.seats) {
        if (!seat.view) continue;
        const move = decideBotMove(seat.view, seat.rng, temper);
        if (!move) continue;
        const ref = `m${++this.ref}`;
        seat.socket.send({ type: 'send', ref, event: { type: move.type, ...move.payload } });
        const answer = await seat.socket.next((f) => (f.type === 'ack' || f.type === 'error') && f.ref === ref);
        this.moves++;
        if (answer.type === 'error') this.refusals.push({ playerId: seat.playerId, code: answer.code, move });
        await this.settle();
      }
    }
  }

  /** Moves the room's clock to its next durable timer and lets the alarm deliver it. */
  async nextTimer(): Promise<boolean> {
    const { json } = await call(this.room, 'status');
    const timers = json.timers as { dueAt: number }[];
    if (timers.length === 0) return false;
    const now = await this.roomNow();
    const due = Math.min(...timers.map((t) => t.dueAt));
    if (due > now) await advance(this.room, due - now);
    expect(await runDurableObjectAlarm(stub(this.room))).toBe(true);
    await this.settle();
    return true;
  }

  roomNow(): Promise<number> {
    return import('./helpers').then(({ inRoom }) => inRoom(this.room, (server) => (server as any).now() as number));
  }

  get over(): boolean {
    return this.seats.every((s) => s.view?.phase === 'gameOver');
  }

  close(): void {
    for (const seat of this.seats) seat.socket.close();
  }
}
