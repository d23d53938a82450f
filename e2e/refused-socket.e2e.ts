/**
 * A refused WebSocket ends at once (worker/refused-sockets.ts), against wrangler dev over real TCP:
 * the client reads the close code and reason, and the server closes the TCP connection whether or
 * not the client answers the close frame. Before the fix the connection stayed open until the
 * room's Durable Object went idle (about 10 s, longer in a busy room), and for as long as the client
 * did not answer.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');
/** Far below the 10 s (or never) of the bug, far above the fix's one-second grace. */
const BOUND_MS = 5_000;

const within = <T>(promise: Promise<T>, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${BOUND_MS} ms`)), BOUND_MS)),
  ]);

/**
 * A client that upgrades by hand and then only listens: it never sends a frame, not even the reply
 * to the server's close frame, so only the server can end the connection.
 */
function silentClient(path: string) {
  const { hostname, port } = new URL(baseUrl);
  const socket: Socket = connect(Number(port), hostname);
  const received: Buffer[] = [];
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const closeFrame = new Promise<{ code: number; reason: string }>((resolve, reject) => {
    socket.once('connect', () =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk) => {
      received.push(chunk);
      const bytes = Buffer.concat(received);
      const head = bytes.indexOf('\r\n\r\n');
      if (head < 0) return;
      if (!bytes.subarray(0, head).toString().startsWith('HTTP/1.1 101')) return reject(new Error(bytes.toString()));
      // Server frames are unmasked; a close frame's payload (code and reason) is under 126 bytes.
      const frame = bytes.subarray(head + 4);
      if (frame.length < 2 || frame.length < 2 + (frame[1]! & 0x7f)) return;
      if ((frame[0]! & 0x0f) !== 0x8) return reject(new Error(`expected a close frame, got opcode ${frame[0]! & 0x0f}`));
      const payload = frame.subarray(2, 2 + (frame[1]! & 0x7f));
      resolve({ code: payload.readUInt16BE(0), reason: payload.subarray(2).toString() });
    });
    socket.once('error', reject);
  });
  return { closeFrame, ended, destroy: () => socket.destroy() };
}

describe('a refused WebSocket', () => {
  it('is ended by the server right after its close frame, even when the client never answers', async () => {
    const client = silentClient('/parties/game-server/refused-silent?token=not-a-token');
    try {
      expect(await within(client.closeFrame, 'the close frame')).toEqual({ code: 4002, reason: 'TOKEN_INVALID' });
      await within(client.ended, 'the server closing the TCP connection');
    } finally {
      client.destroy();
    }
  });

  it('closes a well-behaved client (Node’s WebSocket) at once with the code and reason', async () => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/parties/game-server/refused-polite`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason })),
    );
    try {
      expect(await within(closed, 'the close event')).toEqual({ code: 4001, reason: 'TOKEN_MISSING' });
    } finally {
      socket.close();
    }
  });
});
