/**
 * The benchmark's baseline: a bare partyserver room that does the least a game room must — store
 * a small row per message and broadcast — with none of the engine (no actor, no envelope, no
 * timers, no projections). Benchmarks report the game room as ratios against it, measured in the
 * same run. Only the bench build binds it (bench/wrangler.bench.toml, entry worker/bench-entry.ts);
 * the production build has no such class.
 */
import { Server, type Connection, type WSMessage } from 'partyserver';

export class BaselineRoom extends Server<Env> {
  static override options = { hibernate: true };

  override onStart(): void {
    this.ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS rows (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)');
  }

  override onConnect(connection: Connection): void {
    const { seq } = this.ctx.storage.sql.exec<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM rows').one();
    connection.send(JSON.stringify({ type: 'view', seq, view: { seq } }));
  }

  override onMessage(connection: Connection, message: WSMessage): void {
    let frame: { type?: string; ref?: string; event?: unknown };
    try {
      frame = JSON.parse(String(message));
    } catch {
      connection.send(JSON.stringify({ type: 'error', code: 'BAD_FRAME', message: 'not JSON' }));
      return;
    }
    // The bench's ping barrier (as the game room answers it): everything sent before has arrived.
    if (frame.type === 'ping') return void connection.send('{"type":"pong"}');
    if (frame.type !== 'send') return;
    const { seq } = this.ctx.storage.sql
      .exec<{ seq: number }>('INSERT INTO rows (body) VALUES (?) RETURNING seq', JSON.stringify(frame.event ?? null).slice(0, 512))
      .one();
    connection.send(JSON.stringify({ type: 'ack', ref: frame.ref, seq }));
    this.broadcast(JSON.stringify({ type: 'view', seq, view: { seq } }));
  }

  override onRequest(): Response {
    const { seq } = this.ctx.storage.sql.exec<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM rows').one();
    return Response.json({ seq });
  }
}
