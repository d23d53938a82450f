/**
 * Inspector connections at `/parties/game-server/:roomId/inspect`. Inspection reveals every secret
 * of the game, so it is for admins only, and no credential ever goes into a URL: the first frame
 * must be `{ "type": "auth", "token": "<admin token or lobby secret>" }`. Then the room sends a
 * hello (status, the machine definition, the stored history) and, after every persisted
 * transition, its inspection records and the new status.
 */
import type { Connection } from 'partyserver';
import { describeMachine } from '../machines/definition';
import { secretMatches, verifyToken } from './auth';
import { recordsJson, type StoredRecord } from './inspection-log';
import type { ConnectionState } from './player-sockets';
import { refuse, secretOrRefuse, sendFrame } from './player-sockets';
import type { HostedRoom } from './hosted-room';
import type { RoomStatusBody } from './room-status';

export const INSPECT_PATH_SUFFIX = '/inspect';

export type InspectorFrame =
  | { type: 'inspect.hello'; roomId: string; status: RoomStatusBody; definition: unknown; history: '<records>' }
  | { type: 'inspect.records'; records: '<records>' }
  | { type: 'inspect.status'; status: RoomStatusBody };

/** Frames carrying records splice the records' stored JSON in rather than re-serialising them. */
function sendWithRecords(connection: Connection, frame: InspectorFrame, records: readonly StoredRecord[]): void {
  try {
    connection.send(JSON.stringify(frame).replace('"<records>"', recordsJson(records)));
  } catch {
    // The socket closed under us.
  }
}

export function isInspectRequest(request: Request): boolean {
  return new URL(request.url).pathname.endsWith(INSPECT_PATH_SUFFIX);
}

const send = (connection: Connection, frame: InspectorFrame) => sendFrame(connection, frame as never);

/** Handles the first frame of an inspector connection. Returns true when it authenticated. */
export async function authenticateInspector(
  connection: Connection<ConnectionState>,
  raw: unknown,
  env: Env,
  roomId: string,
  now: number,
): Promise<boolean> {
  const secret = secretOrRefuse(connection, env);
  if (!secret) return false;
  let token: unknown;
  try {
    const frame = JSON.parse(String(raw));
    token = frame?.type === 'auth' ? frame.token : undefined;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
    refuse(connection, 'TOKEN_MISSING');
    return false;
  }
  if (!(await secretMatches(token, secret))) {
    const claims = await verifyToken(secret, token, roomId, now);
    if (typeof claims === 'string') return refuse(connection, claims), false;
    if (claims.role !== 'admin') return refuse(connection, 'TOKEN_INVALID'), false;
  }
  connection.setState({ playerId: 'admin', role: 'inspector' });
  return true;
}

export function sendHello(connection: Connection, room: HostedRoom, roomId: string, status: RoomStatusBody): void {
  sendWithRecords(
    connection,
    { type: 'inspect.hello', roomId, status, definition: room.version ? describeMachine(room.version) : null, history: '<records>' },
    room.inspection.history(),
  );
}

export function sendInspection(connection: Connection, records: readonly StoredRecord[], status: RoomStatusBody): void {
  if (records.length > 0) sendWithRecords(connection, { type: 'inspect.records', records: '<records>' }, records);
  send(connection, { type: 'inspect.status', status });
}
