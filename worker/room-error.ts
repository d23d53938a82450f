/**
 * The room's errors as it throws and answers them: a stable code from the protocol's table
 * (protocol/errors.ts: its HTTP status and what to do about it), a sentence, and details.
 */
import { ROOM_ERRORS, type ErrorBody, type RoomErrorCode } from '../protocol';

export class RoomError extends Error {
  constructor(
    readonly code: RoomErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): number {
    return ROOM_ERRORS[this.code].status;
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export function errorResponse(error: RoomError, headers?: HeadersInit): Response {
  return Response.json(error.toJSON(), { status: error.status, headers });
}
