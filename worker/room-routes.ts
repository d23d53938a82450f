/**
 * The room's HTTP endpoints under `/parties/game-server/:roomId/…`. Each checks who is asking,
 * validates the body, and calls the hosted room; errors become `{ error: { code, message, … } }`.
 */
import { z } from 'zod';
import { ADMIN_SENDER } from '../machines/machine-version';
import { configuredSecret, requireAdmin, signToken } from './auth';
import { readJson } from './request-body';
import { roomErrorOf, type HostedRoom, type RoomOutcome } from './hosted-room';
import { RoomError } from './room-error';
import { roomStatusOf } from './room-status';
import type { Scheduler } from './scheduler';

/** The init payload's size limit: a 20-player roster with bios and a 7-day manifest fits many times over. */
export const MAX_INIT_BYTES = 64 * 1024;
/** The limit for admin events, upgrade and token requests. */
export const MAX_ADMIN_BODY_BYTES = 16 * 1024;
/** Tokens live 14 days by default (a 7-day game and some slack), at most 60. */
export const DEFAULT_TOKEN_TTL_SECONDS = 14 * 86_400;
export const MAX_TOKEN_TTL_SECONDS = 60 * 86_400;

export interface RouteContext {
  request: Request;
  env: Env;
  roomId: string;
  room: HostedRoom;
  scheduler: Scheduler;
  now: () => number;
  /** Broadcast after a persisted transition. */
  afterTransition(outcome: RoomOutcome): void;
  connections(): number;
  online(): string[];
  /** The last error this room answered with since it woke (for the admin's eyes, not history). */
  lastError(): { at: number; code: string; message: string } | null;
}

/** The room reads only `machine`; the rest of the payload is the version's to validate. */
const InitPayload = z.object({ machine: z.string().min(1).max(100) }).catchall(z.unknown());
const UpgradeRequest = z.object({ to: z.string().min(1).max(100) });
const TokenRequest = z.object({ ttlSeconds: z.number().int().min(60).max(MAX_TOKEN_TTL_SECONDS).optional() }).strict();
const FireRequest = z.object({ taskId: z.string().min(1).max(200) });
const AdminEvent = z.object({ type: z.string().min(1).max(64) }).catchall(z.unknown());

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new RoomError('BAD_REQUEST', 'the body does not have the expected shape', {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return result.data;
}

/** POST /init — the lobby's handoff (lobby secret only: there is no room admin yet). */
export async function initRoom(ctx: RouteContext): Promise<Response> {
  await requireAdmin(ctx.request, ctx.env, ctx.roomId, false);
  const payload = parse(InitPayload, await readJson(ctx.request, MAX_INIT_BYTES));
  const { created, outcome } = await ctx.room.initialise(payload, ctx.roomId);
  ctx.afterTransition(outcome);
  return Response.json({ roomId: ctx.roomId, machine: ctx.room.machineRef }, { status: created ? 201 : 200 });
}

/** GET /status — what an admin needs to know about the room. */
export async function roomStatus(ctx: RouteContext): Promise<Response> {
  await requireAdmin(ctx.request, ctx.env, ctx.roomId);
  return Response.json(
    roomStatusOf(ctx.room, ctx.scheduler, {
      roomId: ctx.roomId,
      connections: ctx.connections(),
      online: ctx.online(),
      lastError: ctx.lastError(),
    }),
  );
}

/** GET /history — the game's recorded inputs (protocol/input-history.ts), for replay; admins only, as it holds every secret. */
export async function roomHistory(ctx: RouteContext): Promise<Response> {
  await requireAdmin(ctx.request, ctx.env, ctx.roomId);
  return Response.json(ctx.room.inputHistory());
}

/** POST /timers/fire — a developer tool: deliver one machine timer now (only with DEV_TOOLS=1). */
export async function fireTimer(ctx: RouteContext): Promise<Response> {
  await requireAdmin(ctx.request, ctx.env, ctx.roomId);
  if (ctx.env.DEV_TOOLS !== '1')
    throw new RoomError('DEV_TOOLS_DISABLED', 'firing timers by hand needs DEV_TOOLS=1 (local development only)');
  const { taskId } = parse(FireRequest, await readJson(ctx.request, MAX_ADMIN_BODY_BYTES));
  const outcome = ctx.room.fireNow(taskId);
  ctx.afterTransition(outcome);
  const result = outcome.result!;
  if (result.input.status === 'rejected') throw roomErrorOf(result.input.error);
  if (result.failure) throw roomErrorOf(result.failure.error);
  return Response.json({ fired: taskId, seq: ctx.room.seq, value: (ctx.room.snapshot as { value?: unknown }).value });
}

/** POST /admin — one admin event, e.g. `{ "type": "admin.advance" }`. */
export async function adminEvent(ctx: RouteContext): Promise<Response> {
  await requireAdmin(ctx.request, ctx.env, ctx.roomId);
  const event = parse(AdminEvent, await readJson(ctx.request, MAX_ADMIN_BODY_BYTES));
  if (!ctx.room.host)
    throw new RoomError(ctx.room.room ? 'RESTORE_FAILED' : 'ROOM_NOT_FOUND', ctx.room.problem?.message ?? 'the room is not running');
  const { senderId: _ignored, ...journaled } = event;
  const outcome = ctx.room.input({ type: 'admin', event }, { facts: [{ kind: 'admin.action', data: { event: journaled } }] });
  ctx.afterTransition(outcome);
  const result = outcome.result!;
  if (result.input.status === 'rejected') throw roomErrorOf(result.input.error);
  const refusal = result.refusals.find((r) => r.to === ADMIN_SENDER);
  if (refusal) return Response.json({ error: { code: refusal.code, message: refusal.message } }, { status: 409 });
  return Response.json({ accepted: true, seq: ctx.room.seq, value: (ctx.room.snapshot as { value?: unknown }).value });
}

/** POST /upgrade — moves the room to a newer registered version, by its declared migration. */
export async function upgradeRoom(ctx: RouteContext): Promise<Response> {
  await requireAdmin(ctx.request, ctx.env, ctx.roomId);
  const { to } = parse(UpgradeRequest, await readJson(ctx.request, MAX_ADMIN_BODY_BYTES));
  const { from, to: upgradedTo, outcome } = ctx.room.upgrade(to);
  // A room whose restore had failed had no players to derive tags for until now.
  await ctx.room.prepareTags();
  ctx.afterTransition(outcome);
  return Response.json({ from, to: upgradedTo, status: ctx.room.status, seq: ctx.room.seq });
}

/** POST /tokens — signs one token per player and an admin token (lobby secret only). */
export async function mintTokens(ctx: RouteContext): Promise<Response> {
  await requireAdmin(ctx.request, ctx.env, ctx.roomId, false);
  const { ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS } = parse(TokenRequest, await readJson(ctx.request, MAX_ADMIN_BODY_BYTES));
  const room = ctx.room;
  if (!room.room) throw new RoomError('ROOM_NOT_FOUND', 'initialise the room before asking for tokens');
  if (!room.host) throw new RoomError('RESTORE_FAILED', room.problem?.message ?? 'the room is not running');
  const secret = configuredSecret(ctx.env);
  const now = ctx.now();
  const players: Record<string, string> = {};
  for (const { playerId } of room.players()) {
    players[playerId] = await signToken(secret, { roomId: ctx.roomId, subject: playerId, role: 'player' }, ttlSeconds, now);
  }
  const admin = await signToken(secret, { roomId: ctx.roomId, subject: ADMIN_SENDER, role: 'admin' }, ttlSeconds, now);
  return Response.json({ roomId: ctx.roomId, players, admin, expiresAt: now + ttlSeconds * 1000 });
}

export const ROUTES: Record<string, Partial<Record<string, (ctx: RouteContext) => Promise<Response>>>> = {
  init: { POST: initRoom },
  status: { GET: roomStatus },
  history: { GET: roomHistory },
  admin: { POST: adminEvent },
  upgrade: { POST: upgradeRoom },
  tokens: { POST: mintTokens },
  'timers/fire': { POST: fireTimer },
};
