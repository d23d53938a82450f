/**
 * The client's side of the room protocol (protocol/, docs/protocol.md): reading frames from the
 * room and telling a refusal from a drop. The frames, codes and their types come from protocol/.
 */
import { ServerFrame, closeReasonOf } from '../../protocol';

/** Whether a close code means "refused": reconnecting with the same link cannot help. */
export function isRefusal(code: number): boolean {
  return closeReasonOf(code) !== null;
}

/** One frame from the room, or null when it is not one the protocol defines. */
export function parseServerFrame(data: unknown): ServerFrame | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const frame = ServerFrame.safeParse(json);
  return frame.success ? frame.data : null;
}
