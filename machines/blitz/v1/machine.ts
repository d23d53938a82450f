/**
 * The blitz machine: its chart is data (blitz.chart.json: pregame → round … → final → gameOver),
 * and every guard, action, delay and child it names is pecking-order@1's, imported unchanged. A
 * round is a shortened pecking-order day: chat (the `social` phase, DMs and silver open), the vote
 * (`voting`, the shared ballot box), then the reveal (`results`), where the player voted out leaves
 * at once and the gold pool grows. The final is the same round with the jury's FINALS vote, and
 * its results end the game. Blitz has no morning, no night and no activity.
 *
 * This file holds only what JSON cannot: which implementations the chart runs with, and its
 * binding (the initial context, the output, the vote child's input: see chart-binding.ts).
 */
import { machineFromChart, implementationsOf, type ChartBinding, type ChartImplementations } from '../../chart/chart-binding';
import type { ChartNode } from '../../chart/chart';
import { todaysVoteType } from '../../pecking-order/v1/cast';
import { initialContext, type GameContext, type GameInput } from '../../pecking-order/v1/context';
import { gameMachine } from '../../pecking-order/v1/machine';
import chart from './blitz.chart.json';

const peckingOrder = implementationsOf(gameMachine);

/** pecking-order@1's vocabulary, without the activity child: blitz has no activity. */
export const blitzImplementations: ChartImplementations = {
  ...peckingOrder,
  actors: { vote: peckingOrder.actors.vote },
};

export const blitzBinding: ChartBinding = {
  context: ({ input }: { input: GameInput }) => initialContext(input),
  output: ({ context }: { context: GameContext }) => ({ winner: context.winner, ending: context.ending }),
  inputs: { vote: ({ context }: { context: GameContext }) => ({ day: context.day, voteType: todaysVoteType(context)! }) },
};

export const blitzChart = chart as unknown as ChartNode;

export const blitzMachine = machineFromChart(blitzChart, blitzImplementations, blitzBinding);
