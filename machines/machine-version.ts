/**
 * The contract between a registered machine version and the host that runs it (engine/host.ts).
 *
 * A machine version is pure data and pure functions: the host validates the init payload with
 * `initSchema` (and `checkInit`, given the room's facts), starts `machine` with `createInput(...)`,
 * admits player and admin events by their schemas, and returns what the machine `emit`s (see
 * {@link RoomEffect}) as effects for its adapter to carry out: refusals to a sender, journal facts,
 * chat messages. The room treats the init payload as opaque: only the version reads it.
 */
import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';

/** `name@version`, e.g. `pecking-order@1`. */
export type MachineRef = `${string}@${number}`;

/** Facts about the room the machine cannot know by itself; injected once, at init. */
export interface RoomFacts {
  roomId: string;
  /** Milliseconds since the epoch when the room was initialised (the room's clock, not the machine's). */
  createdAt: number;
  /** A stable seed for seeded draws: the same room replays the same way. */
  seed: string;
}

/** A problem with an init payload: a path into `{ roster, manifest }` and a sentence saying what to do. */
export interface InitIssue {
  path: (string | number)[];
  message: string;
}

/** A durable timer as the projection and the inspector see it. */
export interface TimerView {
  /** Actor path from the root, e.g. `root` or `root/day`. */
  actorPath: string;
  /** The XState delayed-event id, e.g. `xstate.after.1000.game.pregame`. */
  timerId: string;
  /** The event type that will be delivered. */
  event: string;
  /** Absolute due time, milliseconds since the epoch. */
  dueAt: number;
}

/** An event as the machine receives it: the room sets `senderId`, never the client. */
export interface RoomEvent {
  type: string;
  senderId: string;
  [key: string]: unknown;
}

/** The sender id the room uses for admin events. No player may have this id. */
export const ADMIN_SENDER = 'admin';

/**
 * What a machine may `emit` (XState `emit` action, from the root or any child) for the room to act
 * on. Emitting keeps the machine pure: it says what should happen, the room does it after persisting.
 */
export type RoomEffect =
  | {
      /** The event was refused; nothing changed. The room tells the sender `code` and `message`. */
      type: 'room.refuse';
      to: string;
      code: string;
      message: string;
    }
  | {
      /** A fact for the audit journal (written through the room's outbox to D1). */
      type: 'room.journal';
      kind: string;
      data: Record<string, unknown>;
    }
  | {
      /**
       * A chat message the machine allowed. The room appends it to its message table (never to the
       * snapshot) and delivers it to `members`, or to everyone when `members` is null.
       */
      type: 'room.message';
      channel: string;
      members: string[] | null;
      from: string;
      text: string;
      /** The seq of the message this one answers (the room stores it and delivers it with a quote). */
      replyTo?: number;
      /** Players the message names with an @mention: the room tells each of them (a notice, a push). */
      mentions?: string[];
      /**
       * What kind of message it is; absent: an ordinary post. `whisper`: everyone in `members` sees
       * that `from` whispered to `to`, only `from` and `to` read `text` (the room seals it for the
       * rest, in the delivered frame and on catch-up). `confession`: `from` is the day's handle the
       * machine derived, never a player id (the room stores and delivers it as given).
       */
      kind?: MessageKind;
      /** A whisper's addressee (a player id). */
      to?: string;
    }
  | {
      /**
       * A reaction the machine allowed: the room toggles `from`'s `emoji` on message `seq` in its
       * own table (never in the snapshot) and delivers the new counts to the message's `members`.
       */
      type: 'room.reaction';
      seq: number;
      channel: string;
      members: string[] | null;
      from: string;
      emoji: string;
    };

/** The kinds of message beyond an ordinary post (protocol/messages.ts `MessageKind` is its wire twin). */
export type MessageKind = 'whisper' | 'confession';

export const ROOM_EFFECT_TYPES: ReadonlySet<string> = new Set(['room.refuse', 'room.journal', 'room.message', 'room.reaction']);

/**
 * A stored message an event names (a reply's or a reaction's target), as the room found it. The
 * machine never holds messages, so the room looks the target up and hands these facts to the
 * machine with the event; null when the room has no message with that seq.
 */
export interface ReferencedMessage {
  seq: number;
  channel: string;
  /** Who may read it; null: everyone (the group chat). */
  members: string[] | null;
  from: string;
}

/** What a projection may read. */
export interface ProjectionInput<TInit> {
  /**
   * The root actor's persisted snapshot (JSON, as stored). Live, the host passes the very object it
   * serialised (parsing the string again cost a tenth of a step): read it, never change it, and
   * treat a field that is `undefined` as absent, as the JSON it stands for has no such field.
   */
  snapshot: unknown;
  /** The validated init payload (roster and manifest). */
  init: TInit;
  /** The player whose view this is. */
  playerId: string;
  /** The room's durable timers, so views can count down to the end of a phase. */
  timers: readonly TimerView[];
}

/**
 * The game as its host sees it on the dashboard (protocol/status.ts `HostSummary` is its wire
 * schema): words, not state ids, and never a secret (no ballot's choice, no pick before the reveal).
 */
export interface HostSummary {
  day: number;
  dayCount: number;
  /** What the game calls a day (blitz@1: `Round`); absent: `Day`. */
  dayWord?: string;
  /** The step in words, e.g. `Day 2 · Voting`. */
  stage: string;
  /** The next thing time does, in words, and when: `Voting closes` at `dueAt`; null when nothing is timed. */
  clock: { label: string; dueAt: number } | null;
  /** Whether the game moves on only when the host advances it (no clock). */
  hostAdvances: boolean;
  cast: { playerId: string; name: string; alive: boolean; silver: number; gold: number }[];
  /** The vote of the day: who has voted in the open step out of who may; never whom. */
  vote: { label: string; open: boolean; voted: string[]; eligible: string[] } | null;
  /** Every night's result so far, in words (player ids in `text` for the app to name). */
  nights: { day: number; label: string; out: string | null; text: string }[];
  winner: string | null;
  /** Today's cartridges, for versions that have them: never what one player chose while one is open. */
  cartridges?: { label: string; open: boolean; text: string }[];
  /** The players each host action applies to now: an action is offered for these only. */
  actionTargets: { eliminate: string[]; credit: string[] };
}

/** A durable timer in portable form, as migrations see it. */
export interface PortableTimer {
  actorPath: string;
  timerId: string;
  targetPath: string;
  event: { type: string; [key: string]: unknown };
  dueAt: number;
}

/** What a migration transforms: everything a room holds for its actor. */
export interface PortableEnvelope {
  machine: MachineRef;
  snapshot: any;
  timers: PortableTimer[];
}

/** One member of a host's cast as a lobby form sends it (unchecked: the init schema judges the roster). */
export interface LobbyCastMember {
  name: unknown;
  bio?: unknown;
  avatarUrl?: unknown;
  /**
   * A stable identity across games, for gold that follows a player (machines/wallet.ts). The lobby
   * has checked it (a short slug, unique within the cast) and passes it only to versions that
   * declare {@link MachineVersion.payouts}; their `rosterOf` keeps it in the roster entry.
   */
  userId?: string;
  /**
   * The member's wallet as the lobby read it when the game was created (members with a `userId`
   * only, zero gold when the user has none yet). A version that declares `payouts` keeps it in the
   * roster entry (`wallet: { gold }`), so its init and its views know the gold carried in.
   */
  wallet?: { gold: number };
}

/** A preset a host may choose in the lobby, for a given cast size. */
export interface LobbyPreset {
  /** The manifest's `preset` value. */
  name: string;
  description: string;
  /** How long a PRE_SCHEDULED game of this cast lasts under it, creation to game over; null when it depends on more than the cast. */
  durationMs: number | null;
  /** Why it does not suit this cast, in words; null when it does. */
  unfit: string | null;
}

/**
 * How a lobby creates a game of this version from a host's cast: the version, not the lobby, knows
 * what its roster and manifest look like. Pure, and light enough for the lobby page to import.
 */
export interface LobbySupport {
  /** The game mode's name in the lobby's picker, e.g. `Blitz`; absent: the version's `name@version`. */
  label?: string;
  /** What a new game's first timer begins, for the links page (`Round 1`); absent: `Day 1`. */
  firstStep?: string;
  /** How many cast members a game takes. */
  castSize: { min: number; max: number };
  /**
   * The roster entry of each cast member, in the cast's order (player ids are assigned here). The
   * members' fields are passed on as given: the init schema judges them.
   */
  rosterOf(cast: readonly LobbyCastMember[]): { playerId: string; [field: string]: unknown }[];
  /**
   * The field of the host's request an init issue concerns: a path into `{ roster, manifest }`
   * (`roster.2.name`) becomes a path into `{ cast, manifest }` (`cast.2.name`).
   */
  requestPathOf(initPath: string): string;
  /** The manifest a lobby starts from for a cast of `players`, before the host changes anything. */
  defaultManifest(players: number): unknown;
  /**
   * The presets of a version whose manifest is a preset and a scheduling (and defaults for the
   * rest): the lobby offers these two fields, over `defaultManifest`. Absent: the lobby has an
   * editor of its own for the version's manifest (pecking-order's day plan).
   */
  presets?(players: number): LobbyPreset[];
}

/**
 * Something worth telling players when they are not looking (a Web Push), decided by the version
 * from two persisted snapshots. Its text goes through a push service: public facts only.
 */
export interface RoomNotice {
  /** Stable for the same change (e.g. `d2:voting`): the room builds an idempotent push id from it. */
  key: string;
  /** Who is told; null: every player. */
  to: string[] | null;
  title: string;
  body: string;
  /** The screen of the player app it opens (a tab id the app knows, e.g. `today`). */
  screen: string;
}

/** Gold a finished game pays into one user's wallet (see {@link MachineVersion.payouts}). */
export interface WalletPayout {
  playerId: string;
  userId: string;
  /** A positive whole number. */
  gold: number;
}

export interface MachineVersion<TInit = any> {
  name: string;
  version: number;
  /** One sentence for the catalog and the inspector. */
  description: string;
  /** The root machine. Children it spawns or invokes must have explicit ids and string `src` keys. */
  machine: AnyStateMachine;
  /** Validates the init payload (all of it but `machine`); its issues become `INVALID_INIT` paths. */
  initSchema: z.ZodType<TInit>;
  /** The root actor's input. Pure. */
  createInput(init: TInit, room: RoomFacts): unknown;
  /**
   * What the schema cannot check because it needs the room's facts (e.g. a start too long after
   * the room's creation): issues reported like the schema's, as `INVALID_INIT`; [] when none. Pure.
   */
  checkInit?(init: TInit, room: RoomFacts): InitIssue[];
  /**
   * Who plays: ids for authentication, display names for `/status` and the lobby, and the stable
   * identity (`userId`) of those who have one, in versions that declare `payouts`. Pure.
   */
  players(init: TInit): { playerId: string; name: string; userId?: string }[];
  /** Player events this version accepts: type → payload schema (without `type` and `senderId`). */
  playerEvents: Record<string, z.ZodType>;
  /** Admin events this version accepts: type → payload schema. */
  adminEvents: Record<string, z.ZodType>;
  /**
   * Player events that name a stored message: event type → the payload field holding its seq. The
   * room looks that message up and the machine receives it as `event.message` (a
   * {@link ReferencedMessage}, or null when there is none); a client cannot set `message` itself.
   */
  messageRefs?: Record<string, string>;
  /**
   * Player events that carry the sender's opaque tag: the room adds `event.senderTag`, an HMAC of
   * the sender's id under a secret only the room holds (worker/room-secret.ts), or null when the
   * adapter has none. Players cannot compute it, so whatever the machine derives from it (a
   * confession's handle) cannot be linked back to a player by one; a client cannot set it itself.
   */
  senderTags?: readonly string[];
  /**
   * A player's own view. Pure; must never include what that player may not know. The view is
   * read-only: it may share objects with the snapshot and with other players' views of it
   * (machines/per-object.ts).
   */
  project(input: ProjectionInput<TInit>): unknown;
  /** The host's summary of the game (the dashboard's `/status` → `host`). Pure; holds nothing secret. */
  hostView?(input: Omit<ProjectionInput<TInit>, 'playerId'>): HostSummary;
  /**
   * What a step from `before` to `after` (parsed persisted snapshots; `before` undefined for the
   * first) is worth a push for. Pure, and outside the chart, so adding it changes no running game.
   * Absent: the version's rooms push nothing of their own (DMs are pushed by the room, from its
   * message effects).
   */
  notices?(before: unknown, after: unknown): RoomNotice[];
  /**
   * Declares wallets: what the game in `snapshot` (the root's persisted snapshot, parsed) pays into
   * the persistent wallets of players with a `userId` — [] until the game is over, then one entry per
   * user paid (gold > 0). The room enqueues the first non-empty answer once, in the step's
   * transaction, and credits D1 exactly once per room and user; later answers are ignored. Pure, and
   * outside the chart. Absent: the version's games pay nothing, and the lobby refuses a cast with
   * `userId`s for it (`WALLETS_NOT_SUPPORTED`).
   */
  payouts?(snapshot: unknown, init: TInit): WalletPayout[];
  /** How a lobby creates games of this version; absent when only an external lobby's init can. */
  lobby?: LobbySupport;
  /** How a room running the previous version moves to this one; absent when there is no path. */
  upgrade?: {
    from: MachineRef;
    /** Pure: the old envelope in, this version's envelope out. Throws when it cannot migrate. */
    migrate(envelope: PortableEnvelope): PortableEnvelope;
    /**
     * Pure: the stored init payload in the form this version's `initSchema` accepts. Absent: the
     * payload must fit as it is, or the upgrade is refused.
     */
    migrateInit?(init: unknown): unknown;
  };
}

export function refOf(version: Pick<MachineVersion, 'name' | 'version'>): MachineRef {
  return `${version.name}@${version.version}`;
}
