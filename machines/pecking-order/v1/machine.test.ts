/** The chart as designers and the inspector see it: named states, named delays, persistable children. */
import { describe, expect, it } from 'vitest';
import type { AnyStateNode } from 'xstate';
import { gameMachine } from './machine';

const NAMED_DELAYS = ['pregameEnds', 'morningEnds', 'socialEnds', 'electionEnds', 'votingEnds', 'resultsEnds', 'nightEnds'];

function allNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(allNodes)];
}

describe('the game chart', () => {
  const root = gameMachine.root;

  it('has the lifecycle states at the top, and a day of parallel regions', () => {
    expect(Object.keys(root.states)).toEqual(['pregame', 'day', 'finale', 'gameOver']);
    expect(root.states.gameOver!.type).toBe('final');
    for (const kind of ['day', 'finale']) {
      const day = root.states[kind]!;
      expect(day.type).toBe('parallel');
      expect(Object.keys(day.states)).toEqual(['phase', 'groupChat', 'dms', 'transfers', 'activity', 'vote']);
    }
    expect(Object.keys(root.states.day!.states.phase!.states)).toEqual(['morning', 'social', 'voting', 'results', 'night']);
    expect(Object.keys(root.states.finale!.states.phase!.states)).toEqual(['morning', 'social', 'voting', 'results']);
    expect(Object.keys(root.states.day!.states.phase!.states.voting!.states)).toEqual(['opening', 'election', 'ballot']);
  });

  it('keeps time only in named delays, each in a `scheduled` state', () => {
    const timed = allNodes(root).filter((node) => node.after.length > 0);
    expect(timed.length).toBe(1 + 6 * 2 - 1);
    for (const node of timed) {
      expect(node.key).toBe('scheduled');
      for (const transition of node.after) expect(NAMED_DELAYS).toContain(transition.delay);
    }
    expect(Object.keys(gameMachine.implementations.delays).sort()).toEqual([...NAMED_DELAYS].sort());
  });

  it('holds every phase for the host in `heldForAdmin`, a state without timers', () => {
    const held = allNodes(root).filter((node) => node.key === 'heldForAdmin');
    expect(held).toHaveLength(1 + 6 * 2 - 1);
    for (const node of held) expect(node.after).toEqual([]);
  });

  it('invokes only persistable children: explicit id, string src', () => {
    const invokes = allNodes(root).flatMap((node) => node.invoke);
    const child = [
      { id: 'activity', src: 'playerPick' },
      { id: 'vote', src: 'vote' },
    ];
    // Once in the day, once in the finale.
    expect(invokes.map((i) => ({ id: i.id, src: i.src }))).toEqual([...child, ...child]);
    expect(Object.keys(gameMachine.implementations.actors)).toEqual(['vote', 'playerPick']);
  });

  it('serializes for the inspector', () => {
    const json = JSON.parse(JSON.stringify(gameMachine.toJSON()));
    expect(json.id).toBe('game');
    expect(Object.keys(json.states)).toEqual(['pregame', 'day', 'finale', 'gameOver']);
  });
});
