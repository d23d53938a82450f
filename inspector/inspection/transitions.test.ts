import { describe, expect, it } from 'vitest';
import { catalog } from '../../machines/catalog';
import { describeMachine } from '../../machines/definition';
import type { InspectionRecord, StatelyInspectionEvent } from '../../protocol';
import { activeStateIds, handledEvents } from './active-states';
import { childChartsOf } from './child-actors';
import { liveActorsOf, snapshotsAt, transitionsOf, valueChange } from './transitions';

let n = 0;
const record = (seq: number, event: Partial<StatelyInspectionEvent>): InspectionRecord => ({
  n: ++n,
  seq,
  at: 1_000 + seq,
  event: {
    rootId: 'root',
    id: null,
    createdAt: String(1_000 + seq),
    _version: '0.7.2',
    sessionId: 'root',
    type: '@xstate.snapshot',
    ...event,
  },
});

const history: InspectionRecord[] = [
  record(1, { type: '@xstate.actor', name: 'game' }),
  record(1, { type: '@xstate.event', event: { type: 'xstate.init' } }),
  record(1, {
    event: { type: 'xstate.init' },
    snapshot: { value: { pregame: 'heldForAdmin' }, context: { day: 0 }, status: 'active', children: {} },
  }),
  record(2, { type: '@xstate.event', event: { type: 'admin.advance', senderId: 'admin' } }),
  record(2, {
    event: { type: 'admin.advance', senderId: 'admin' },
    snapshot: {
      value: { day: { phase: 'voting', vote: 'open' } },
      context: { day: 1 },
      status: 'active',
      children: { vote: { xstate$$type: 1, id: 'vote' } },
    },
  }),
  record(2, { type: '@xstate.actor', sessionId: 'root/vote', parentId: 'root', name: 'vote' }),
  record(2, {
    sessionId: 'root/vote',
    event: { type: 'xstate.init' },
    snapshot: { value: 'balloting', context: { ballots: {} }, status: 'active' },
  }),
  record(3, { type: '@xstate.event', event: { type: 'vote.cast', senderId: 'p1' } }),
  record(3, {
    event: { type: 'vote.cast', senderId: 'p1' },
    snapshot: { value: { day: { phase: 'voting', vote: 'open' } }, context: { day: 1 }, status: 'active', children: { vote: {} } },
  }),
  record(3, { type: '@xstate.event', sessionId: 'root/vote', sourceId: 'root', event: { type: 'vote.cast', voterId: 'p1' } }),
  record(3, {
    sessionId: 'root/vote',
    event: { type: 'vote.cast', voterId: 'p1' },
    snapshot: { value: 'balloting', context: { ballots: { p1: 'p2' } }, status: 'active' },
  }),
  record(4, { type: '@xstate.event', sourceId: 'root', event: { type: 'xstate.after.morningEnds.game.day.phase.morning.scheduled' } }),
  record(4, {
    event: { type: 'xstate.after.morningEnds.game.day.phase.morning.scheduled' },
    snapshot: { value: { day: { phase: 'results', vote: 'revealed' } }, context: { day: 1 }, status: 'active', children: {} },
  }),
];

describe('transitions from inspection records', () => {
  it('makes one transition per snapshot, with its sender, the previous value and context', () => {
    const transitions = transitionsOf(history);
    expect(transitions.map((t) => [t.actorPath, t.event.type, t.sender])).toEqual([
      ['root', 'xstate.init', 'room'],
      ['root', 'admin.advance', 'admin'],
      ['root/vote', 'xstate.init', 'room'],
      ['root', 'vote.cast', 'p1'],
      ['root/vote', 'vote.cast', 'root'],
      ['root', 'xstate.after.morningEnds.game.day.phase.morning.scheduled', 'timer'],
    ]);
    expect(transitions[1]).toMatchObject({ from: { pregame: 'heldForAdmin' }, previousContext: { day: 0 }, context: { day: 1 } });
    expect(transitions[4]).toMatchObject({ previousContext: { ballots: {} }, context: { ballots: { p1: 'p2' } } });
  });

  it('rebuilds every actor at a past point, and which children were alive then', () => {
    const atVote = snapshotsAt(history, history[10]!.n);
    expect(atVote.get('root/vote')?.context).toEqual({ ballots: { p1: 'p2' } });
    expect(liveActorsOf(atVote)).toEqual(['root', 'root/vote']);
    const atStart = snapshotsAt(history, history[2]!.n);
    expect([...atStart.keys()]).toEqual(['root']);
    expect(liveActorsOf(snapshotsAt(history, null))).toEqual(['root']);
  });

  it('says which leaves a transition left and entered', () => {
    expect(valueChange({ day: { phase: 'voting', vote: 'open' } }, { day: { phase: 'results', vote: 'open' } })).toEqual({
      left: ['day.phase.voting'],
      entered: ['day.phase.results'],
      stayed: ['day.vote.open'],
    });
  });
});

describe('active states of pecking-order@1', () => {
  const definition = describeMachine(catalog.get('pecking-order@1')!);
  const value = {
    day: {
      phase: { voting: { ballot: 'heldForAdmin' } },
      groupChat: 'open',
      dms: 'open',
      transfers: 'open',
      activity: 'revealed',
      vote: 'open',
    },
  };

  it('lights the value’s states and their ancestors, and offers the events they handle', () => {
    const active = activeStateIds(definition.root, value);
    expect(active).toContain('game');
    expect(active).toContain('game.day.phase.voting.ballot.heldForAdmin');
    expect(active).toContain('game.day.vote.open');
    expect(active.has('game.finale')).toBe(false);
    const handled = handledEvents(definition.root, active);
    expect([...handled].filter((e) => !e.startsWith('phase.') && !e.startsWith('xstate.')).sort()).toEqual([
      'activity.pick',
      'admin.advance',
      'admin.credit',
      'admin.eliminate',
      'admin.endGame',
      'admin.hostMessage',
      'chat.post',
      'chat.react',
      'chat.reply',
      'dm.send',
      'silver.transfer',
      'vote.cast',
    ]);
  });

  it('maps child actors to their charts by invoke id', () => {
    const snapshots = snapshotsAt(history, history[10]!.n);
    const charts = childChartsOf(definition, ['root', 'root/vote'], snapshots);
    expect(charts.map((c) => [c.src, c.runningAs])).toEqual([
      ['vote', 'root/vote'],
      ['playerPick', null],
    ]);
    expect(charts[1]!.invokedAs[0]).toMatchObject({ id: 'activity' });
  });
});
