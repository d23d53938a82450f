/**
 * Plays a whole game in a simulated room with bots: each phase, every player gets a few moves,
 * then time moves to the next timer (or, in an ADMIN game, the host advances).
 */
import { seededRandom } from '../rules';
import { decideBotMove, DEFAULT_TEMPER, type BotTemper } from './bots';
import type { SimulatedRoom } from '../../../engine/testing/simulated-room';
import type { PlayerView } from '../v1/projection';

export interface PlayOptions {
  /** Seeds the bots' choices (the room has its own seed). */
  botSeed?: string;
  movesPerPhase?: number;
  temper?: BotTemper;
  /** Called with every view a bot decides on. */
  onView?: (view: PlayerView, room: SimulatedRoom) => void;
  /** Called after every step (a move or a timer), with the persisted snapshots before and after. */
  onStep?: (step: { before: any; after: any; effects: number }) => void;
  /** Safety net against a game that never ends. */
  maxSteps?: number;
}

export function playGame(room: SimulatedRoom, players: readonly string[], options: PlayOptions = {}): void {
  const { botSeed = 'bots', movesPerPhase = 3, temper = DEFAULT_TEMPER, maxSteps = 500 } = options;
  const rngs = new Map(players.map((id) => [id, seededRandom(`${botSeed}:${id}`)]));
  const admin = (room.init as any).manifest.scheduling === 'ADMIN';
  const step = (act: () => void) => {
    const before = options.onStep ? room.persisted() : null;
    const effects = room.effects.length;
    act();
    options.onStep?.({ before, after: room.persisted(), effects });
  };
  for (let steps = 0; !room.done; steps++) {
    if (steps > maxSteps) throw new Error(`The game did not end within ${maxSteps} phases.`);
    for (let round = 0; round < movesPerPhase && !room.done; round++) {
      for (const playerId of players) {
        const view = room.view(playerId) as PlayerView;
        options.onView?.(view, room);
        const move = decideBotMove(view, rngs.get(playerId)!, temper);
        if (move) step(() => room.sendAs(playerId, move.type, move.payload));
      }
    }
    if (admin) step(() => room.admin('admin.advance'));
    else
      step(() => {
        if (!room.advance()) throw new Error('A PRE_SCHEDULED game has no timer but is not over.');
      });
  }
}
