/**
 * Every error a client of the room can meet: a stable code and what to do about it. Refusals
 * decided by the game itself (e.g. `DMS_CLOSED`) come from the machine version, not from here.
 */
import { z } from 'zod';
import { MAX_FRAME_BYTES, RATE_BURST, RATE_PER_SECOND } from './frames';

/** The room's error codes, with the HTTP status they are answered with. Sockets carry them in `error` frames too. */
export const ROOM_ERRORS = {
  BAD_REQUEST: { status: 400, meaning: 'The body is not JSON of the expected shape; fix the request.' },
  INVALID_INIT: { status: 400, meaning: 'The init payload does not fit the machine version; `issues` lists `{ path, message }`.' },
  UNKNOWN_MACHINE: { status: 400, meaning: 'No machine is registered under that `name@version`; `known` lists those that are.' },
  INVALID_USER_ID: {
    status: 400,
    meaning: 'A user id is not a short slug (1–32 lowercase letters, digits or dashes) or appears twice in a cast; `issues` says which.',
  },
  WALLETS_NOT_SUPPORTED: {
    status: 400,
    meaning: 'The cast gives user ids, but this machine version pays no gold into wallets; drop the ids or pick a version that does.',
  },
  INVALID_ROOM_ID: {
    status: 400,
    meaning: 'The room id is not 1–64 letters, digits, `-` or `_` (the path’s `:roomId`); use an id of that form.',
  },
  INVALID_EVENT: { status: 400, meaning: 'The event is not one this room accepts from you, or its payload is malformed.' },
  UNAUTHORIZED: { status: 401, meaning: 'Missing or wrong credentials: send `Authorization: Bearer <lobby secret or admin token>`.' },
  FORBIDDEN: { status: 403, meaning: 'The credentials are valid but not for this room or this action.' },
  NOT_FOUND: { status: 404, meaning: 'No such endpoint.' },
  DEV_TOOLS_DISABLED: {
    status: 404,
    meaning: 'A developer tool that only exists when the Worker runs with DEV_TOOLS=1 (local development).',
  },
  ROOM_NOT_FOUND: { status: 404, meaning: 'The room was never initialised: POST its init first.' },
  METHOD_NOT_ALLOWED: { status: 405, meaning: 'The endpoint exists but not for this HTTP method.' },
  ROOM_EXISTS: { status: 409, meaning: 'The room was initialised with a different payload; use a new room id.' },
  GAME_OVER: { status: 409, meaning: 'The game has ended; the room is read-only.' },
  RESTORE_FAILED: {
    status: 409,
    meaning: 'The stored game could not be restored (see `/status`); an admin must upgrade or repair it. Nothing was wiped.',
  },
  HISTORY_INCOMPLETE: {
    status: 409,
    meaning: 'The room was created before it recorded its inputs, so its history cannot be replayed; nothing can be exported.',
  },
  NO_UPGRADE_PATH: { status: 409, meaning: 'The target version does not declare a migration from the room’s version.' },
  UPGRADE_REFUSED: {
    status: 409,
    meaning:
      'The upgrade would strand the room (its init, a timer or a waiting state would not fit the target); `reasons` says why. Nothing changed.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body is over the documented limit.' },
  UPGRADE_FAILED: { status: 422, meaning: 'The migration failed or produced a state the target version cannot run; nothing changed.' },
  TIMER_OUT_OF_RANGE: {
    status: 422,
    meaning:
      'A timer would be due more than 365 days ahead (the room’s horizon), or at no valid time; nothing changed. Shorten the times in the init payload.',
  },
  MACHINE_ERROR: { status: 422, meaning: 'The machine threw on this event; nothing changed. Report it with the event.' },
  RATE_LIMITED: { status: 429, meaning: 'Too many messages; slow down and retry after a second.' },
  MACHINE_FAILED: { status: 500, meaning: 'The machine could not start from this init payload; nothing was stored.' },
  INTERNAL_ERROR: { status: 500, meaning: 'An unexpected failure; nothing changed. The room logs it and `/status` shows it.' },
  PERSIST_FAILED: { status: 500, meaning: 'The transition could not be saved, so it did not happen; retry.' },
  TIMER_FAILED: {
    status: 503,
    meaning:
      'A timer due before this input could not be delivered, so the input may not overtake it; the room retries the timer (see `/status`). Try again later.',
  },
  AUTH_NOT_CONFIGURED: { status: 503, meaning: 'The server has no LOBBY_SECRET configured, so it refuses all privileged access.' },
  WALLETS_UNAVAILABLE: {
    status: 503,
    meaning: 'The wallets (D1) could not be read, so no game was created and nothing changed; try again shortly.',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type RoomErrorCode = keyof typeof ROOM_ERRORS;

/** Error codes in `error` frames that come from the socket layer itself (the room and machine add theirs). */
export const FRAME_ERRORS = {
  BAD_FRAME: 'The frame is not JSON of a known client frame type.',
  FRAME_TOO_LARGE: `The frame is over ${MAX_FRAME_BYTES} bytes.`,
  RATE_LIMITED: `More than ${RATE_BURST} frames in a burst or ${RATE_PER_SECOND} per second from this player (all connections together); the frame was dropped.`,
  INVALID_EVENT: 'The event type is not one players may send in this machine version, or its payload is malformed.',
  READ_ONLY: 'This connection may read but not send game events (admin connections send admin events over HTTP).',
  PUSH_NOT_CONFIGURED: 'This server has no VAPID key, so it sends no Web Push; the app works without notifications.',
} as const;

export type FrameErrorCode = keyof typeof FRAME_ERRORS;

/** The body of every HTTP error answer: the code, a sentence, and details such as `issues` or `known`. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }).catchall(z.unknown()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
