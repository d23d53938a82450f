/**
 * GameServer: one Durable Object per game room, routed at `/parties/game-server/:roomId`.
 *
 * It reads as a list of lifecycle hooks, each short: restore on every wake, then hand the input to
 * the host (which delivers due timers first); persist (hosted-room.ts) before acknowledging; fan
 * views out; keep the one alarm on the earliest task. The game lives in machines/, the one host in
 * engine/; this class only adapts them to partyserver and the platform.
 */
import { Server, type Connection, type ConnectionContext, type WSMessage } from 'partyserver';
import { catalog } from '../machines/catalog';
import type { MachineRegistry } from '../machines/registry';
import { HostedRoom, type RoomOutcome } from './hosted-room';
import { d1JournalSink, JOURNAL_FLUSH_TASK, type JournalSink } from './journal/outbox';
import {
  admitConnection,
  broadcastPresence,
  fanOut,
  greet,
  handleFrame,
  onlinePlayers,
  PlayerRateLimits,
  type ConnectionState,
  type RoomConnection,
} from './player-sockets';
import { authenticateInspector, isInspectRequest, sendHello, sendInspection } from './inspector-sockets';
import { markRefused } from './refused-sockets';
import { roomStatusOf } from './room-status';
import { RoomError, errorResponse } from './room-error';
import { ROUTES, type RouteContext } from './room-routes';
import { roomStorageOf, type RoomStorage } from './room-storage';
import { SqliteScheduler, type Scheduler, type Task } from './scheduler';
import { MACHINE_TIMER_TASK } from './timer-tasks';
import { PUSH_SEND_TASK, type PushTransport } from './push/outbox';
import { vapidOf, warnNoPush, type PushEnv } from './push/vapid';
import { d1WalletSink, WALLET_CREDIT_TASK, type WalletSink } from './wallet/outbox';

/** Inspector sockets carry this tag, so a step asks whether anyone inspects without reading every socket. */
const INSPECTOR_TAG = 'inspector';

/** Whether an iterable of connections has any (partyserver's iterator reads each socket's attachment). */
function any(connections: Iterable<unknown>): boolean {
  for (const _ of connections) return true;
  return false;
}

export class GameServer extends Server<Env> {
  static override options = { hibernate: true };

  /** The machine versions this build can run. Tests substitute a registry with fixture machines. */
  protected registry(): MachineRegistry {
    return catalog;
  }

  /** Where journal facts go. Tests wrap it to simulate a D1 outage. */
  journalSink: JournalSink = d1JournalSink(this.env.DB);

  /** Where a finished game's wallet credits go (D1). A seam like `journalSink`; the outage tests break D1 itself. */
  walletSink: WalletSink = d1WalletSink(this.env.DB);

  /** How pushes reach push services. Tests put a push service of their own here. */
  protected pushTransport(): PushTransport {
    return (url, init) => fetch(url, init);
  }

  /**
   * The VAPID identity from the optional secret; null sends nothing (worker/push/vapid.ts). Read
   * once per wake: every greeting and every action asks for it, and the env does not change under
   * a running instance.
   */
  private get vapid() {
    if (this.vapidRead === undefined) this.vapidRead = { vapid: vapidOf(this.env as Env & PushEnv) };
    return this.vapidRead.vapid;
  }

  private vapidRead: { vapid: ReturnType<typeof vapidOf> } | undefined;

  protected now(): number {
    return Date.now();
  }

  /** Each player's frame budget (protocol/frames.ts). The bench build lifts it to find the room's own ceiling. */
  protected playerRateLimits(): PlayerRateLimits {
    return new PlayerRateLimits();
  }

  private storage!: RoomStorage;
  private scheduler!: Scheduler;
  room!: HostedRoom;
  private readonly rateLimits = this.playerRateLimits();
  private lastError: { at: number; code: string; message: string } | null = null;
  /** The online set last broadcast (in memory: after a wake the next change is sent anyway). */
  private lastPresence: string | undefined;
  /** The alarm time last set, so unchanged alarms are not rewritten. */
  private alarmAt: number | null | undefined;
  /**
   * The sockets this instance has seen open, kept between events: partyserver's walk reads every
   * socket's attachment back from the runtime (≈12% of an action at 20 players, for the one walk
   * that fans out). Rebuilt from the runtime after a wake; closed sockets are dropped when met.
   */
  private open: Set<RoomConnection> | undefined;
  /** Upgrades `onConnect` refused, so that `fetch` marks their 101 for the Worker to cut. */
  private readonly refusedUpgrades = new WeakSet<Request>();

  /** Runs on every wake (first start, after hibernation or eviction) before any input. */
  override async onStart(): Promise<void> {
    this.storage = roomStorageOf(this.ctx.storage);
    this.scheduler = new SqliteScheduler(this.storage, () => this.now());
    this.room = new HostedRoom({
      storage: this.storage,
      scheduler: this.scheduler,
      registry: this.registry(),
      now: () => this.now(),
      pushKey: () => this.vapid?.publicKey,
      pushRefused: () => warnNoPush(this.env as Env & PushEnv),
    });
    this.room.restore();
    // The players' tags wait for the first player frame (onMessage): a greeting needs none.
    this.alarmAt = await this.ctx.storage.getAlarm();
    await this.catchUp();
  }

  override getConnectionTags(_connection: Connection, ctx: ConnectionContext): string[] {
    return isInspectRequest(ctx.request) ? [INSPECTOR_TAG] : [];
  }

  /** partyserver's, but the 101 of a refused connection is marked (see refused-sockets.ts). */
  override async fetch(request: Request): Promise<Response> {
    const response = await super.fetch(request);
    return this.refusedUpgrades.has(request) ? markRefused(response) : response;
  }

  override async onRequest(request: Request): Promise<Response> {
    const action = new URL(request.url).pathname.split('/').filter(Boolean).slice(3).join('/');
    const route = Object.hasOwn(ROUTES, action) ? ROUTES[action] : undefined;
    const handler = route && Object.hasOwn(route, request.method) ? route[request.method] : undefined;
    try {
      if (!route) throw new RoomError('NOT_FOUND', `no endpoint "${action}"; see docs/protocol.md`);
      if (!handler) throw new RoomError('METHOD_NOT_ALLOWED', `${action} accepts ${Object.keys(route).join(', ')}`);
      await this.catchUp();
      return await handler(this.routeContext(request));
    } catch (error) {
      return errorResponse(this.recordError(error));
    } finally {
      await this.armAlarm();
    }
  }

  override async onConnect(connection: Connection, ctx: ConnectionContext): Promise<void> {
    const conn = connection as RoomConnection;
    this.open?.add(conn);
    await this.catchUp();
    if (isInspectRequest(ctx.request)) {
      // Nothing is sent until the auth frame arrives (see inspector-sockets.ts).
      conn.setState({ playerId: 'admin', role: 'inspector-pending' });
      return;
    }
    const state = await admitConnection(
      conn,
      ctx.request,
      this.env,
      this.room,
      this.name,
      this.now(),
      () => this.getConnections<ConnectionState>() as Iterable<RoomConnection>,
    );
    if (!state) return void this.refusedUpgrades.add(ctx.request);
    const cursor = Number(new URL(ctx.request.url).searchParams.get('cursor') ?? '0');
    greet(conn, this.room, this.name, Number.isSafeInteger(cursor) && cursor > 0 ? cursor : 0);
    this.presenceChanged(conn);
  }

  override onClose(connection: Connection): void {
    const conn = connection as RoomConnection;
    this.open?.delete(conn);
    if (conn.state?.role === 'player') this.presenceChanged(undefined, conn);
  }

  /**
   * Presence is counted from the open sockets themselves (their attachments survive hibernation),
   * so nothing is stored. A newcomer always hears it; others only when the set of players changed.
   */
  private presenceChanged(joined?: RoomConnection, closing?: RoomConnection): void {
    const connections = [...this.getConnections<ConnectionState>()] as RoomConnection[];
    const online = onlinePlayers(connections, closing);
    const key = online.join('\n');
    if (joined) broadcastPresence([joined], online);
    if (key === this.lastPresence) return;
    this.lastPresence = key;
    broadcastPresence(
      connections.filter((c) => c !== joined && c !== closing),
      online,
    );
  }

  override async onMessage(connection: Connection, message: WSMessage): Promise<void> {
    const conn = connection as RoomConnection;
    if (conn.state?.role === 'inspector-pending') {
      if (await authenticateInspector(conn, message, this.env, this.name, this.now())) sendHello(conn, this.room, this.name, this.status());
      return;
    }
    if (conn.state?.role === 'inspector') return; // inspectors only listen; admin events go over HTTP
    try {
      if (this.room.tagsPending) await this.room.prepareTags();
      await this.catchUp();
      const outcome = handleFrame(conn, message, this.room, this.now(), this.rateLimits);
      if (outcome) this.afterTransition(outcome);
    } catch (error) {
      const failure = this.recordError(error);
      conn.send(JSON.stringify({ type: 'error', code: failure.code, message: failure.message }));
    } finally {
      await this.armAlarm();
    }
  }

  /** The single alarm: deliver due machine timers, then other due tasks; always re-arm. */
  override async onAlarm(): Promise<void> {
    // The alarm being handled is used up; whatever is due next must be set again.
    this.alarmAt = null;
    try {
      await this.catchUp();
      for (const task of this.scheduler.due(this.now())) {
        if (task.kind === MACHINE_TIMER_TASK) continue; // delivered by catchUp, in due order
        await this.runTask(task);
      }
    } finally {
      await this.armAlarm();
    }
  }

  /**
   * Delivers due timers before anything else happens at this entry point. The host would do it
   * before an input anyway; doing it first means requests that are not inputs (status, a socket
   * greeting) see the present too.
   */
  private async catchUp(): Promise<void> {
    // Inspection records are made only while someone listens (the past is rebuilt for a late one).
    // Only inspector sockets are visited (by their tag): reading every socket's attachment here,
    // on every input, was a share of each action's CPU at 20 players.
    this.room.inspecting = any(this.getConnections(INSPECTOR_TAG));
    try {
      const outcome = this.room.deliverDue();
      const failure = outcome.result?.failure;
      if (failure) this.recordError(new RoomError('TIMER_FAILED', failure.error.message));
      this.afterTransition(outcome);
    } catch (error) {
      this.recordError(error);
    }
  }

  private async runTask(task: Task): Promise<void> {
    try {
      if (task.kind === JOURNAL_FLUSH_TASK) {
        await this.room.flushJournal(this.journalSink);
      } else if (task.kind === WALLET_CREDIT_TASK) {
        await this.room.creditWallets(this.walletSink);
      } else if (task.kind === PUSH_SEND_TASK) {
        // No key any more (a secret removed): the queue waits, untouched, for one to come back.
        const vapid = this.vapid;
        if (!vapid) {
          warnNoPush(this.env as Env & PushEnv);
          throw new Error('VAPID_PRIVATE_KEY is not configured');
        }
        await this.room.push.flush(vapid, this.pushTransport());
      }
      this.scheduler.complete(task, this.now());
    } catch (error) {
      // Kept for a retry with backoff; the game goes on meanwhile.
      this.scheduler.retryLater(task, this.now(), error);
    }
  }

  private afterTransition(outcome: RoomOutcome): void {
    // Nothing for anyone (time that delivered nothing, before every input): no socket to visit.
    const result = outcome.result;
    const quiet =
      (result?.transitions.length ?? 0) === 0 &&
      (result?.views.size ?? 0) === 0 &&
      outcome.messages.length === 0 &&
      (outcome.reactions?.length ?? 0) === 0 &&
      outcome.records.length === 0;
    if (quiet) return;
    const connections = this.openConnections();
    fanOut(connections, this.room, outcome);
    // Only when an inspector socket is open (known from its tag at catchUp): otherwise no second
    // pass over every socket's state.
    const inspectors = this.room.inspecting ? connections.filter((c) => c.state?.role === 'inspector') : [];
    if (inspectors.length > 0 && ((outcome.result?.transitions.length ?? 0) > 0 || outcome.records.length > 0)) {
      const status = this.status();
      for (const inspector of inspectors) sendInspection(inspector, outcome.records, status);
    }
  }

  /** The open sockets, as `getConnections()` lists them, from {@link open}. */
  private openConnections(): RoomConnection[] {
    this.open ??= new Set([...this.getConnections<ConnectionState>()] as RoomConnection[]);
    const connections: RoomConnection[] = [];
    for (const connection of this.open) {
      if (connection.readyState === WebSocket.READY_STATE_OPEN) connections.push(connection);
      else this.open.delete(connection);
    }
    return connections;
  }

  private status() {
    return roomStatusOf(this.room, this.scheduler, {
      roomId: this.name,
      connections: [...this.getConnections()].length,
      online: onlinePlayers(this.getConnections()),
      lastError: this.lastError,
    });
  }

  /** Keeps the one alarm on the earliest task, even after a failed delivery. */
  private async armAlarm(): Promise<void> {
    const next = this.scheduler.nextDueAt();
    if (next === this.alarmAt) return;
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
    this.alarmAt = next;
  }

  private routeContext(request: Request): RouteContext {
    return {
      request,
      env: this.env,
      roomId: this.name,
      room: this.room,
      scheduler: this.scheduler,
      now: () => this.now(),
      afterTransition: (outcome) => this.afterTransition(outcome),
      connections: () => [...this.getConnections()].length,
      online: () => onlinePlayers(this.getConnections()),
      lastError: () => this.lastError,
    };
  }

  private recordError(error: unknown): RoomError {
    const failure =
      error instanceof RoomError ? error : new RoomError('INTERNAL_ERROR', 'the room failed to handle this input; nothing changed');
    if (!(error instanceof RoomError)) console.error('room error', error);
    if (failure.status >= 500 || failure.code === 'RESTORE_FAILED' || failure.code === 'MACHINE_ERROR') {
      this.lastError = { at: this.now(), code: failure.code, message: failure.message };
    }
    return failure;
  }
}
