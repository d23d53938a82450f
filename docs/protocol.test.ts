import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, FRAME_ERRORS, MAX_FRAME_BYTES, MAX_SOCKETS_PER_PLAYER, RATE_BURST, RATE_PER_SECOND, ROOM_ERRORS } from '../protocol';
import { MAX_ADMIN_BODY_BYTES, MAX_INIT_BYTES, ROUTES } from '../worker/room-routes';
import { REF_WINDOW_MS, REFS_PER_PLAYER } from '../worker/action-refs';
import { MAX_ROOM_ID_LENGTH } from '../worker/room-address';
import { MAX_TASK_HORIZON_MS } from '../worker/scheduler';
import { JOURNAL_FLUSH_DELAY_MS } from '../worker/journal/outbox';
import { syncDoc, table } from './generated-blocks';

describe('docs/protocol.md', () => {
  it('lists every endpoint, error code, close code and limit as the code defines them', () => {
    const { actual, expected } = syncDoc('docs/protocol.md', {
      endpoints: table(
        ['method', 'path'],
        Object.entries(ROUTES).flatMap(([action, methods]) =>
          Object.keys(methods).map((method) => [method, `\`/parties/game-server/:roomId/${action}\``]),
        ),
      ),
      errors: table(
        ['code', 'HTTP', 'meaning'],
        Object.entries(ROOM_ERRORS).map(([code, { status, meaning }]) => [`\`${code}\``, status, meaning]),
      ),
      'close-codes': table(
        ['close code', 'reason', 'meaning'],
        Object.entries(CLOSE_CODES).map(([reason, { code, meaning }]) => [code, `\`${reason}\``, meaning]),
      ),
      'frame-errors': table(
        ['code', 'meaning'],
        Object.entries(FRAME_ERRORS).map(([code, meaning]) => [`\`${code}\``, meaning]),
      ),
      limits: table(
        ['limit', 'value'],
        [
          ['room id', `1–${MAX_ROOM_ID_LENGTH} letters, digits, \`-\` or \`_\``],
          ['init body', `${MAX_INIT_BYTES} bytes`],
          ['admin, upgrade and token bodies', `${MAX_ADMIN_BODY_BYTES} bytes`],
          ['client WebSocket frame', `${MAX_FRAME_BYTES} bytes`],
          ['frames per player (all connections, pings not counted)', `burst of ${RATE_BURST}, then ${RATE_PER_SECOND} per second`],
          ['connections per player', `${MAX_SOCKETS_PER_PLAYER} (a new one closes the oldest)`],
          ['exactly-once window for a `ref`', `${REF_WINDOW_MS / 3_600_000} hours and the player's last ${REFS_PER_PLAYER} actions`],
          [
            'timers and tasks',
            `due at most ${MAX_TASK_HORIZON_MS / 86_400_000} days ahead when scheduled (\`TIMER_OUT_OF_RANGE\` otherwise)`,
          ],
        ],
      ),
    });
    expect(actual, 'docs/protocol.md is stale: run `npm run docs`').toBe(expected);
  });
});

describe('docs/architecture.md', () => {
  it('names only files that exist', () => {
    const text = readFileSync('docs/architecture.md', 'utf8');
    const paths = [
      ...text.matchAll(/`((?:machines|protocol|worker|client|inspector|scripts|docs)\/[\w./-]+\.(?:ts|tsx|sql|mjs|md))`/g),
    ].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(existsSync(path), path).toBe(true);
  });

  it('gives the journal batch the delay the room waits', () => {
    const text = readFileSync('docs/architecture.md', 'utf8').replace(/\s+/g, ' ');
    expect(text).toContain(`\`JOURNAL_FLUSH_DELAY_MS\` (${JOURNAL_FLUSH_DELAY_MS / 1000} s)`);
  });
});
