import { describe, expect, it } from 'vitest';
import { implementationNamesOf } from '../../chart/chart-binding';
import { checkChart } from '../../chart/chart-check';
import { chartOf } from '../../chart/chart-export';
import { hostableProblems } from '../../hostable';
import { blitzChart, blitzImplementations, blitzMachine } from './machine';

describe('the blitz chart (blitz.chart.json, its source)', () => {
  it('names only what pecking-order@1’s implementations define, and the host can make it durable', () => {
    expect(checkChart(blitzChart, implementationNamesOf(blitzImplementations))).toEqual([]);
    expect(hostableProblems(blitzMachine)).toEqual([]);
  });

  it('is exactly the chart of the machine built from it', () => {
    expect(chartOf(blitzMachine)).toEqual(blitzChart);
  });

  it('has a round of chat, vote and reveal, the final, and no morning, night or activity', () => {
    const round = blitzChart.states!.round!;
    expect(Object.keys(round.states!.phase!.states!)).toEqual(['social', 'voting', 'results']);
    expect(Object.keys(round.states!)).toEqual(['phase', 'groupChat', 'dms', 'transfers', 'vote']);
    expect(Object.keys(blitzChart.states!)).toEqual(['pregame', 'round', 'final', 'gameOver']);
    expect(JSON.stringify(blitzChart)).not.toMatch(/playerPick|morningEnds|nightEnds/);
  });
});
