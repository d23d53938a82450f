import { describe, expect, it } from 'vitest';
import type { ChartNode } from '../machines/chart/chart';
import { chartOf } from '../machines/chart/chart-export';
import { versionFromChart } from '../machines/chart/draft-version';
import { makeInit } from '../machines/pecking-order/testing/fixtures';
import { playGame } from '../machines/pecking-order/testing/play';
import { defaultDayPlan } from '../machines/pecking-order/v1/day-plan';
import { gameMachine, peckingOrderV1 } from '../machines/pecking-order/v1';
import type { InputHistory } from '../protocol';
import { ReplayError, compareReplay, replayHistory } from './replay';
import { SimulatedRoom } from './testing/simulated-room';

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

function playedHistory(players = 5): { room: SimulatedRoom; history: InputHistory } {
  const days = defaultDayPlan(players).map((day, i) => (i === 0 ? { ...day, activity: 'PLAYER_PICK' as const } : day));
  const room = new SimulatedRoom({
    version: peckingOrderV1,
    init: makeInit(players, { preset: 'FAST', days }),
    room: { roomId: 'room-replay', seed: 'replay' },
  });
  playGame(
    room,
    room.init.roster.map((p: { playerId: string }) => p.playerId),
    { botSeed: 'replay' },
  );
  return { room, history: json(room.history()) };
}

function draftOf(change: (chart: ChartNode) => void) {
  const chart = json(chartOf(gameMachine));
  change(chart);
  const result = versionFromChart(peckingOrderV1, chart);
  if (!('version' in result)) throw new Error(JSON.stringify(result.issues));
  return result.version;
}

describe('replayHistory', () => {
  it('rebuilds the room: every entry reaches its recorded state, and the last stored state is the room’s', () => {
    const { room, history } = playedHistory();
    const replay = replayHistory(peckingOrderV1, history);
    expect(replay.steps).toHaveLength(history.entries.length);
    expect(replay.mismatches).toEqual([]);
    expect(replay.finished).toBe(true);
    expect(replay.steps.at(-1)!.result.state).toEqual(room.stored());
  });

  it('reports an entry whose recorded state the replay does not reach', () => {
    const { history } = playedHistory();
    const tampered = json(history);
    tampered.entries[3]!.after = { seq: tampered.entries[3]!.after!.seq, value: 'elsewhere' };
    expect(replayHistory(peckingOrderV1, tampered).mismatches.map((m) => m.index)).toEqual([3]);
  });

  it('refuses a history that spans an upgrade', () => {
    const { history } = playedHistory(3);
    expect(() => replayHistory(peckingOrderV1, { ...history, upgradedAt: history.facts.createdAt })).toThrow(ReplayError);
  });
});

describe('compareReplay', () => {
  it('finds a draft that changes nothing the same, entry for entry', () => {
    const { history } = playedHistory();
    expect(
      compareReplay(
        peckingOrderV1,
        draftOf(() => {}),
        history,
      ),
    ).toEqual({ same: true, entries: history.entries.length, recorded: [] });
  });

  it('stops at the first entry where the draft refuses what the original allowed, with both sides before and after', () => {
    const { history } = playedHistory();
    const draft = draftOf((chart) => {
      chart.states!.pregame!.on!['chat.post'] = { actions: { type: 'refuseWith', params: { code: 'CHAT_CLOSED' } } };
    });
    const firstChat = history.entries.findIndex((e) => e.input.type === 'player' && e.input.event.type === 'chat.post');
    expect(firstChat).toBeGreaterThanOrEqual(0);
    const comparison = compareReplay(peckingOrderV1, draft, history);
    expect(comparison).toMatchObject({
      same: false,
      entries: firstChat + 1,
      divergence: { index: firstChat, entry: history.entries[firstChat] },
    });
    expect(comparison.divergence!.reason).toMatch(/^the refusals differ: none in the original, CHAT_CLOSED to p\d in the draft$/);
    expect(comparison.divergence!.before.original.value).toEqual(comparison.divergence!.before.draft.value);
  });

  it('diverges when the draft rejects an input the original took', () => {
    const { history } = playedHistory();
    // revealVote reads a finished vote's output: on a chat message it throws, and the host rejects the input.
    const draft = draftOf((chart) => {
      chart.states!.pregame!.on!['chat.post'] = { actions: 'revealVote' };
    });
    const comparison = compareReplay(peckingOrderV1, draft, history);
    expect(comparison.divergence!.reason).toMatch(/^the draft rejected the input the original took \(MACHINE_ERROR/);
  });

  it('diverges from the start on a draft whose first timer is due at another time, and on a state the draft leaves elsewhere', () => {
    const { history } = playedHistory();
    const sooner = draftOf((chart) => {
      const scheduled = chart.states!.pregame!.states!.scheduled!;
      scheduled.after = { 10: scheduled.after!.pregameEnds! };
    });
    expect(compareReplay(peckingOrderV1, sooner, history).divergence).toMatchObject({
      index: -1,
      entry: null,
      reason: 'at the start, the durable timers differ (ids, events or due times)',
    });
    const ended = draftOf((chart) => {
      chart.states!.pregame!.on!['chat.post'] = { target: '#game.gameOver' };
    });
    expect(compareReplay(peckingOrderV1, ended, history).divergence!.reason).toMatch(
      /^the state differs: \{"pregame":"scheduled"\} in the original, "gameOver" in the draft$/,
    );
  });
});
