/**
 * The room protocol, defined once: what crosses the wire between a room (worker/) and its clients
 * (the player app in client/, the inspector in inspector/). Frames, error and close codes, and the
 * `/status` and inspection bodies are zod schemas here, each with the type inferred from it, so the
 * room and its clients check what they receive against the same definition, and none restates it:
 * protocol/consumers.test.ts fails if client/ or inspector/ do, and worker/protocol.test.ts if what
 * a real room sends does not parse.
 *
 * It imports only zod: no xstate, no worker/, no DOM, so every side can import it.
 * docs/protocol.md lists these tables; docs/protocol.test.ts keeps them equal.
 */
export * from './close-codes';
export * from './errors';
export * from './frames';
export * from './input-history';
export * from './inspection';
export * from './messages';
export * from './push';
export * from './state-value';
export * from './status';
export * from './room-id';
