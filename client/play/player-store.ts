/**
 * The player app's state: the latest view, the messages and their cursor, the connection, the
 * sends waiting for an answer (by `ref`) and the last error. An @xstate/store store whose
 * transitions are pure: the socket (use-room-socket.ts) turns frames into these events, and
 * storage (saved-session.ts) follows the messages from outside.
 */
import { createStore } from '@xstate/store';
import type { PlayerView } from '../../machines/pecking-order/v1/projection';
import type { ChatMessage, GameAction, MessageReactions } from '../../protocol';
import { withReactions } from '../shared/chat-reactions';
import { isRefusal } from '../shared/protocol';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface ConnectionState {
  status: ConnectionStatus;
  /** The code of the last close, e.g. `CLOSE_CODES.TOKEN_EXPIRED.code` when the token expired. */
  closeCode: number | null;
  /** Closes since the last time the connection was live. */
  drops: number;
}

export interface PendingSend {
  ref: string;
  event: GameAction;
  sentAt: number;
}

export interface LastError {
  /** The send it answers; null for errors about no particular send (e.g. rate limiting). */
  ref: string | null;
  /** The event type that was refused, so the panel that sent it can show why. */
  eventType: string | null;
  code: string;
  message: string;
  at: number;
}

export interface PlayerState {
  roomId: string;
  playerId: string | null;
  connection: ConnectionState;
  view: PlayerView | null;
  /** The envelope seq of `view`: an older view never replaces a newer one. */
  viewSeq: number;
  /** Every message this player may read, by seq. */
  messages: ChatMessage[];
  /** The last message seq held; sent on (re)connect so the room sends only what came after. */
  cursor: number;
  pending: Record<string, PendingSend>;
  lastError: LastError | null;
  /** Players connected now, as the room last said (public). */
  online: string[];
  /** The room's VAPID key when it sends Web Push; null: it sends none, so the app offers none. */
  pushKey: string | null;
  /** Messages that @mention this player and arrived since they last dismissed the notice, oldest first. */
  mentions: ChatMessage[];
}

/** New messages that mention `me`: not my own, and not ones already held (a catch-up repeats none). */
export function newMentions(
  held: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
  me: string | null,
  cursor: number,
): ChatMessage[] {
  if (me === null) return [];
  return incoming.filter((m) => m.seq > cursor && m.from !== me && m.mentions?.includes(me) && !held.some((h) => h.seq === m.seq));
}

/** Messages kept per room; older ones are dropped (the cursor stays, so they are not re-sent). */
export const MAX_KEPT_MESSAGES = 2000;

/** Merges new messages into the held ones: by seq, without duplicates. */
export function mergeMessages(held: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return held as ChatMessage[];
  const bySeq = new Map(held.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  const merged = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return merged.length > MAX_KEPT_MESSAGES ? merged.slice(-MAX_KEPT_MESSAGES) : merged;
}

export interface PlayerStoreInput {
  roomId: string;
  playerId: string | null;
  messages: ChatMessage[];
  cursor: number;
}

export function createPlayerStore(input: PlayerStoreInput) {
  const initial: PlayerState = {
    roomId: input.roomId,
    playerId: input.playerId,
    connection: { status: 'connecting', closeCode: null, drops: 0 },
    view: null,
    viewSeq: 0,
    messages: input.messages,
    cursor: input.cursor,
    pending: {},
    lastError: null,
    mentions: [],
    online: [],
    pushKey: null,
  };
  return createStore({
    context: initial,
    on: {
      /** The room greeted this connection: it is live. */
      welcomed: (ctx, event: { playerId: string; pushKey?: string | null }) => ({
        ...ctx,
        playerId: event.playerId,
        pushKey: event.pushKey ?? null,
        connection: { status: 'live' as const, closeCode: null, drops: 0 },
      }),
      /**
       * The socket closed: a refusal ends it (the same link cannot help); anything else reconnects.
       * Unanswered sends are kept: on the next connection they go out again with the same ref, and
       * the room applies each once, answering a repeat as the first time (docs/protocol.md).
       */
      closed: (ctx, event: { code: number; at: number }) => {
        const refused = isRefusal(event.code);
        const lost = refused ? Object.values(ctx.pending)[0] : undefined;
        return {
          ...ctx,
          // Who is online is unknown while this player is not: the room says again on reconnect.
          online: [],
          connection: {
            status: refused ? ('refused' as const) : ('reconnecting' as const),
            closeCode: event.code,
            drops: ctx.connection.drops + 1,
          },
          pending: refused ? {} : ctx.pending,
          lastError: lost
            ? { ref: lost.ref, eventType: lost.event.type, code: 'CONNECTION_LOST', message: '', at: event.at }
            : ctx.lastError,
        };
      },
      /** A newer view replaces the one held; a late frame for an older seq is ignored. */
      viewReceived: (ctx, event: { seq: number; view: PlayerView }) =>
        event.seq < ctx.viewSeq ? ctx : { ...ctx, view: event.view, viewSeq: event.seq },
      messagesReceived: (ctx, event: { messages: ChatMessage[]; cursor: number }) => ({
        ...ctx,
        mentions: [...ctx.mentions, ...newMentions(ctx.messages, event.messages, ctx.playerId, ctx.cursor)],
        messages: mergeMessages(ctx.messages, event.messages),
        cursor: Math.max(ctx.cursor, event.cursor, ...event.messages.map((m) => m.seq)),
      }),
      /** A game event went out; its answer (ack or error) carries the same ref. */
      sent: (ctx, event: { ref: string; event: GameAction; at: number }) => ({
        ...ctx,
        pending: { ...ctx.pending, [event.ref]: { ref: event.ref, event: event.event, sentAt: event.at } },
        lastError: ctx.lastError?.eventType === event.event.type ? null : ctx.lastError,
      }),
      acked: (ctx, event: { ref: string }) => {
        if (!(event.ref in ctx.pending)) return ctx;
        const { [event.ref]: _done, ...pending } = ctx.pending;
        return { ...ctx, pending };
      },
      refused: (ctx, event: { ref: string | null; code: string; message: string; at: number }) => {
        const send = event.ref ? ctx.pending[event.ref] : undefined;
        const pending = { ...ctx.pending };
        if (event.ref) delete pending[event.ref];
        return {
          ...ctx,
          pending,
          lastError: { ref: event.ref, eventType: send?.event.type ?? null, code: event.code, message: event.message, at: event.at },
        };
      },
      errorDismissed: (ctx) => ({ ...ctx, lastError: null }),
      reactionsReceived: (ctx, event: { messages: MessageReactions[] }) => ({
        ...ctx,
        messages: withReactions(ctx.messages, event.messages),
      }),
      mentionsSeen: (ctx) => ({ ...ctx, mentions: [] }),
      presenceReceived: (ctx, event: { online: string[] }) => ({ ...ctx, online: event.online }),
    },
  });
}

export type PlayerStore = ReturnType<typeof createPlayerStore>;
