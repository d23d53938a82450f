/**
 * `pecking-order@2`: @1's game with cartridges, child machines the day plan names (cartridges/).
 * Everything here is pure; the room hosts it as `machine-version.ts` describes. It imports @1's
 * pure modules unchanged and has its own files only for what differs.
 */
import type { MachineVersion } from '../../machine-version';
import { newGamePlanIssues } from '../v1/day-plan';
import { notices } from '../v1/notices';
import { timingIssues } from '../v1/timeline';
import { createInput } from './create-input';
import { adminEvents, messageRefs, playerEvents, senderTags } from './events';
import { cartridgeNotices } from './cartridge-notices';
import { initSchema, type PeckingOrderInit } from './init-schema';
import { peckingOrderLobby } from './lobby';
import { hostView } from './host-view';
import { gameMachine } from './machine';
import { project } from './projection';
import { upgradeFromV1 } from './migration';
import { payouts } from './payouts';

export const peckingOrderV2: MachineVersion<PeckingOrderInit> = {
  name: 'pecking-order',
  version: 2,
  description:
    'Pecking Order with cartridges: @1’s game, and each day may add a prompt (WOULD_YOU_RATHER, HOT_TAKE) a dilemma (SILVER_GAMBIT, SPOTLIGHT), a confession booth (CONFESSIONS), whispers (WHISPERS) and nudges (NUDGES).',
  machine: gameMachine,
  initSchema,
  createInput,
  checkInit: (init, room) =>
    [...timingIssues(init.manifest, room.createdAt), ...newGamePlanIssues(init.manifest.days)].map((issue) => ({
      ...issue,
      path: ['manifest', ...issue.path],
    })),
  players: (init) => init.roster.map(({ playerId, name, userId }) => ({ playerId, name, ...(userId !== undefined ? { userId } : {}) })),
  playerEvents,
  adminEvents,
  messageRefs,
  senderTags,
  project,
  hostView,
  notices: (before, after) => [...notices(before, after), ...cartridgeNotices(before, after)],
  payouts,
  lobby: peckingOrderLobby,
  upgrade: upgradeFromV1,
};

export { gameMachine } from './machine';
export { initSchema, type PeckingOrderInit } from './init-schema';
export { manifestSchema, daySchema, type Manifest, type DaySpec } from './manifest';
export { CARTRIDGES, CARTRIDGE_NAMES, cartridgeOf, type Cartridge, type CartridgeName } from './cartridges';
export { REFUSALS, REFUSAL_CODES, type RefusalCode } from './refusals';
export { JOURNAL_KINDS, type JournalKind } from './journal';
export { playerEvents, adminEvents } from './events';
export { peckingOrderLobby } from './lobby';
export { rosterSchema, type Roster, type RosterEntry } from './roster';
export { payouts, carriedGoldOf } from './payouts';
export { project, type PlayerView, type CartridgeView, type PromptView, type DilemmaView } from './projection';
