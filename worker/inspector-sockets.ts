/**
 * Inspector connections at `/parties/game-server/:roomId/inspect`. Inspection reveals every secret
 * of the game, so it is for admins only, and no credential ever goes into a URL: the first frame
 * must be `{ "type": "auth", "token": "<admin token or lobby secret>" }`. Then the room sends a
 * hello (status, the machine definition, the stored history) and, after every persisted
 * transition, its inspection records and the new status.
 */
import type { Connection } from 'partyserver';
import { describeMachine } from '../machines/definition';
import { InspectorAuthFrame, type InspectorFrame, type RoomStatusBody } from '../protocol';
import { secretMatches, verifyToken } from './auth';
import { recordsJson, type StoredRecord } from './inspection-log';
import type { ConnectionState } from './player-sockets';
import { refuse, secretOrRefuse, sendFrame } from './player-sockets';
import type { HostedRoom } from './hosted-room';

export const INSPECT_PATH_SUFFIX = '/inspect';

/** Where a frame's records go: {@link sendWithRecords} splices their stored JSON in. */
const RECORDS = '<records>';

/** An {@link InspectorFrame} before its records are spliced in. */
type UnsplicedFrame =
  | (Omit<Extract<InspectorFrame, { type: 'inspect.hello' }>, 'history'> & { history: typeof RECORDS })
  | { type: 'inspect.records'; records: typeof RECORDS }
  | Extract<InspectorFrame, { type: 'inspect.status' }>;

/** Frames carrying records splice the records' stored JSON in rather than re-serialising them. */
function sendWithRecords(connection: Connection, frame: UnsplicedFrame, records: readonly StoredRecord[]): void {
  try {
    connection.send(JSON.stringify(frame).replace(`"${RECORDS}"`, recordsJson(records)));
  } catch {
    // The socket closed under us.
  }
}

export function isInspectRequest(request: Request): boolean {
  return new URL(request.url).pathname.endsWith(INSPECT_PATH_SUFFIX);
}

const send = (connection: Connection, frame: UnsplicedFrame) => sendFrame(connection, frame as never);

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
  let token: string;
  try {
    token = InspectorAuthFrame.parse(JSON.parse(String(raw))).token;
  } catch {
    refuse(connection, 'TOKEN_MISSING');
    return false;
  }
  if (!(await secretMatches(token, secret))) {
    const claims = await verifyToken(secret, token, roomId, now);
    if (typeof claims === 'string') return (refuse(connection, claims), false);
    if (claims.role !== 'admin') return (refuse(connection, 'TOKEN_INVALID'), false);
  }
  connection.setState({ playerId: 'admin', role: 'inspector' });
  return true;
}

export function sendHello(connection: Connection, room: HostedRoom, roomId: string, status: RoomStatusBody): void {
  sendWithRecords(
    connection,
    { type: 'inspect.hello', roomId, status, definition: room.version ? describeMachine(room.version) : null, history: RECORDS },
    room.inspectionHistory(),
  );
}

export function sendInspection(connection: Connection, records: readonly StoredRecord[], status: RoomStatusBody): void {
  if (records.length > 0) sendWithRecords(connection, { type: 'inspect.records', records: RECORDS }, records);
  send(connection, { type: 'inspect.status', status });
}
