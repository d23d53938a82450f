/** Reading JSON request bodies with a size limit, so a huge body is refused before it is parsed. */
import { RoomError } from './room-error';

export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) throw new RoomError('PAYLOAD_TOO_LARGE', `the body is over ${maxBytes} bytes`, { limit: maxBytes });
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > maxBytes) throw new RoomError('PAYLOAD_TOO_LARGE', `the body is over ${maxBytes} bytes`, { limit: maxBytes });
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new RoomError('BAD_REQUEST', 'the body is not valid JSON');
  }
}
