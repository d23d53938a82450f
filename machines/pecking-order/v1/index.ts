/**
 * `pecking-order@1`: the game as a registered machine version. Everything here is pure; the room
 * (worker/) hosts it as `machine-version.ts` describes.
 */
import type { MachineVersion } from '../../machine-version';
import { createInput } from './create-input';
import { newGamePlanIssues } from './day-plan';
import { adminEvents, messageRefs, playerEvents } from './events';
import { initSchema, type PeckingOrderInit } from './init-schema';
import { peckingOrderLobby } from './lobby';
import { gameMachine } from './machine';
import { notices } from './notices';
import { project } from './projection';
import { hostView } from './host-view';
import { timingIssues } from './timeline';

export const peckingOrderV1: MachineVersion<PeckingOrderInit> = {
  name: 'pecking-order',
  version: 1,
  description: 'Pecking Order: 3–20 players chat, trade silver and vote one player out each night; the jury crowns the winner.',
  machine: gameMachine,
  initSchema,
  createInput,
  checkInit: (init, room) =>
    [...timingIssues(init.manifest, room.createdAt), ...newGamePlanIssues(init.manifest.days)].map((issue) => ({
      ...issue,
      path: ['manifest', ...issue.path],
    })),
  players: (init) => init.roster.map(({ playerId, name }) => ({ playerId, name })),
  playerEvents,
  adminEvents,
  messageRefs,
  project,
  hostView,
  notices,
  lobby: peckingOrderLobby,
};

export { gameMachine } from './machine';
export { initSchema, type PeckingOrderInit } from './init-schema';
export { rosterSchema, type Roster, type RosterEntry, MIN_PLAYERS, MAX_PLAYERS, PLAYER_ID_PATTERN } from './roster';
export { manifestSchema, type Manifest, type DaySpec, type Scheduling, SCHEDULINGS, ACTIVITIES } from './manifest';
export { checkDayPlan, voteTypeIssue, activityIssue, defaultDayPlan, aliveAtStartOfDay, minAliveFor, type PlanIssue } from './day-plan';
export { PRESETS, PRESET_NAMES, PHASES, type Preset, type PresetName, type Phase } from './presets';
export {
  dayOneStart,
  longestDelay,
  phaseLengths,
  scheduleOf,
  timingIssues,
  timingOf,
  MAX_DAY_LENGTH_MS,
  MAX_START_LEAD_MS,
  type DaySchedule,
  type Timing,
} from './timeline';
export { ECONOMY, messageLength } from './economy';
export { REFUSALS, REFUSAL_CODES, type RefusalCode } from './refusals';
export { JOURNAL_KINDS, type JournalKind } from './journal';
export { playerEvents, adminEvents, type PlayerEvent, type AdminEvent, type GameEvent } from './events';
export { createInput } from './create-input';
export { peckingOrderLobby } from './lobby';
export { project, type PlayerView, type CastMember, type VoteView, type ActivityView, type ViewPhase } from './projection';
export { GROUP_CHANNEL, REACTIONS, type Reaction } from './chat';
export { mentionsIn, type MentionablePlayer } from './mentions';
export { dmChannel } from './dms';
export { renderGameRulesDoc } from './rules-doc';
