/**
 * The player's connection to the room: partysocket (reconnects with backoff) wired to the player
 * store. Each (re)connect sends the current message cursor, so the room replays only what this
 * browser has not seen; a refused connection (a close code of protocol/close-codes.ts) stops reconnecting.
 */
import { useCallback, useMemo } from 'react';
import usePartySocket from 'partysocket/react';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import type { ClientFrame, GameAction } from '../../protocol';
import { isRefusal, parseServerFrame } from '../shared/protocol';
import type { PlayerStore } from './player-store';
import { patchedView } from './view-patch';

let refCounter = 0;
/** A ref names one action of this player (the room remembers outcomes by it); the time part keeps them unique across reloads. */
function nextRef(): string {
  refCounter += 1;
  return `${Date.now().toString(36)}-${refCounter}`;
}

export interface RoomSession {
  roomId: string;
  token: string;
}

export interface RoomSocket {
  /** Sends a game event; answers the send's ref (null when not live). */
  send: (event: GameAction) => string | null;
  /** Registers (or drops) this browser's Web Push subscription; false when not live. */
  sendPush: (frame: Extract<ClientFrame, { type: 'push.subscribe' | 'push.unsubscribe' }>) => boolean;
}

/** Connects to the room and returns what may be sent over it. */
export function useRoomSocket(store: PlayerStore, session: RoomSession): RoomSocket {
  const socket = usePartySocket({
    host: window.location.host,
    protocol: window.location.protocol === 'https:' ? 'wss' : 'ws',
    party: 'game-server',
    room: session.roomId,
    // A function, so every reconnect reads the cursor as it is then.
    query: () => {
      const { cursor } = store.getSnapshot().context;
      return { token: session.token, cursor: cursor > 0 ? String(cursor) : undefined };
    },
    shouldReconnectOnClose: (event) => !isRefusal(event.code),
    // A phone that lost its network comes back quickly, then backs off (1 s, 1.3 s, … up to 10 s).
    minReconnectionDelay: 1000,
    maxReconnectionDelay: 10_000,
    onMessage(event) {
      const frame = parseServerFrame(event.data);
      if (!frame) return;
      switch (frame.type) {
        case 'welcome':
          store.trigger.welcomed({ playerId: frame.playerId, pushKey: frame.pushKey ?? null });
          // What was sent but never answered goes again, with its ref: applied once, whatever happened.
          for (const pending of Object.values(store.getSnapshot().context.pending)) {
            write({ type: 'send', ref: pending.ref, event: pending.event });
          }
          break;
        case 'view':
          store.trigger.viewReceived({ seq: frame.seq, view: frame.view as PlayerView });
          break;
        case 'patch': {
          const { view, viewSeq } = store.getSnapshot().context;
          const next = patchedView<PlayerView>({ view, seq: viewSeq }, frame);
          if (next === null)
            write({ type: 'resync' }); // missed a change: the whole view, please
          else if (next !== 'stale') store.trigger.viewReceived({ seq: frame.seq, view: next });
          break;
        }
        case 'messages':
          store.trigger.messagesReceived({ messages: frame.messages, cursor: frame.cursor });
          // A long absence is caught up page by page.
          if (frame.more) write({ type: 'sync', after: store.getSnapshot().context.cursor });
          break;
        case 'reactions':
          store.trigger.reactionsReceived({ messages: frame.messages });
          break;
        case 'ack':
          if (frame.ref) store.trigger.acked({ ref: frame.ref });
          break;
        case 'error':
          store.trigger.refused({ ref: frame.ref ?? null, code: frame.code, message: frame.message, at: Date.now() });
          break;
        case 'presence':
          store.trigger.presenceReceived({ online: frame.online });
          break;
        case 'pong':
          break;
      }
    },
    onClose(event) {
      store.trigger.closed({ code: event.code, at: Date.now() });
    },
  });

  function write(frame: ClientFrame): void {
    socket.send(JSON.stringify(frame));
  }

  const send = useCallback(
    (event: GameAction) => {
      if (store.getSnapshot().context.connection.status !== 'live') return null;
      const ref = nextRef();
      store.trigger.sent({ ref, event, at: Date.now() });
      socket.send(JSON.stringify({ type: 'send', ref, event } satisfies ClientFrame));
      return ref;
    },
    [socket, store],
  );
  const sendPush = useCallback(
    (frame: Extract<ClientFrame, { type: 'push.subscribe' | 'push.unsubscribe' }>) => {
      if (store.getSnapshot().context.connection.status !== 'live') return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    [socket, store],
  );
  return useMemo(() => ({ send, sendPush }), [send, sendPush]);
}
