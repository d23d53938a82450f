/**
 * `blitz@1`: a second game mode, played in one sitting of 20–40 minutes. Rounds of a few minutes
 * (chat, a vote, the reveal and an elimination) until two players remain, then the final, where the
 * players voted out crown the winner. Its chart is its own (blitz.chart.json) over pecking-order@1's
 * vocabulary and shared vote rules; its manifest, presets and lobby support are its own; its views
 * are pecking-order's, so the same player app and host dashboard show it. It declares wallets as
 * pecking-order@2 does: a player may carry a `userId`, and the winner's gold goes to its wallet
 * (payouts.ts). Everything here is pure.
 */
import type { MachineVersion } from '../../machine-version';
import { adminEvents, messageRefs, playerEvents } from '../../pecking-order/v1/events';
import { createBlitzInput } from './create-input';
import { blitzHostView } from './host-view';
import { blitzInitSchema, type BlitzInit } from './init-schema';
import { blitzLobby } from './lobby';
import { blitzMachine } from './machine';
import { blitzNotices } from './notices';
import { payouts } from './payouts';
import { projectBlitz } from './projection';

export const blitzV1: MachineVersion<BlitzInit> = {
  name: 'blitz',
  version: 1,
  description:
    'Blitz: 5–12 players in one sitting of 20–40 minutes; a vote and an elimination every few minutes, then the jury crowns the winner.',
  machine: blitzMachine,
  initSchema: blitzInitSchema,
  createInput: createBlitzInput,
  players: (init) => init.roster.map(({ playerId, name, userId }) => ({ playerId, name, ...(userId !== undefined ? { userId } : {}) })),
  // pecking-order's events: a round accepts the same moves, and the chart refuses the activity.
  playerEvents,
  adminEvents,
  messageRefs,
  project: projectBlitz,
  hostView: blitzHostView,
  notices: blitzNotices,
  lobby: blitzLobby,
  payouts,
};

export { blitzInitSchema, type BlitzInit } from './init-schema';
export { blitzManifestSchema, type BlitzManifest } from './manifest';
export { BLITZ_PRESETS, BLITZ_PRESET_NAMES, blitzDuration, roundLengths, roundCount, type BlitzPresetName } from './presets';
export { BLITZ_VOTE_TYPES, roundPlan, checkRounds, type BlitzVoteType } from './round-plan';
export { blitzLobby } from './lobby';
export { payouts, carriedGoldOf } from './payouts';
