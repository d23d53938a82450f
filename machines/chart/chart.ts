/**
 * A chart as data: the config that XState's `createMachine` takes and Stately Studio imports and
 * exports, restricted to what JSON can hold. Every behaviour a chart names (guards, actions, named
 * delays, child logic) lives in the version's TypeScript implementations and is referred to by
 * name, so a designer can change the chart and a developer the code, each without the other.
 *
 * What a chart cannot name is bound in TypeScript beside the implementations (see chart-binding.ts):
 * XState's `provide` supplies guards, actions, delays and actors, but not the initial `context`,
 * the machine's `output` or an invoked child's `input`, which are functions of the running game.
 */

/** A named action, with its parameters when it takes some: `'postChat'`, `{ type: 'refuseWith', params: { code } }`. */
export type ChartAction = string | { type: string; params?: Record<string, unknown> };

/** XState's higher-order guards in JSON form (`and([...])`, `or([...])`, `not(g)` in TypeScript). */
export type ChartGuardCombinator = { type: 'xstate.and' | 'xstate.or' | 'xstate.not'; guards: ChartGuard[] };

/** A named guard, with its parameters when it takes some, or a combination of guards. */
export type ChartGuard = string | { type: string; params?: Record<string, unknown> } | ChartGuardCombinator;

/** One transition. `target` is a sibling key (`'closed'`), a child (`'.gameOver'`) or an id path (`'#game.day'`). */
export interface ChartTransitionObject {
  target?: string | string[];
  guard?: ChartGuard;
  actions?: ChartAction | ChartAction[];
  reenter?: boolean;
  description?: string;
}

/** A transition as XState accepts it: a target alone, one transition, or candidates tried in order. */
export type ChartTransition = string | ChartTransitionObject | (string | ChartTransitionObject)[];

export interface ChartInvoke {
  /** Explicit, always: the child's id keys its timers and survives restores (machines/hostable.ts). */
  id?: string;
  /** A key of the implementations' `actors`. */
  src: string;
  /** A static input; a computed one is bound by `src` (chart-binding.ts). */
  input?: unknown;
  onDone?: ChartTransition;
  onError?: ChartTransition;
  onSnapshot?: ChartTransition;
  systemId?: string;
}

export interface ChartNode {
  id?: string;
  type?: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  history?: 'shallow' | 'deep';
  initial?: string;
  states?: Record<string, ChartNode>;
  on?: Record<string, ChartTransition>;
  /** Keyed by a named delay (a key of the implementations' `delays`) or a number of milliseconds. */
  after?: Record<string, ChartTransition>;
  always?: ChartTransition;
  entry?: ChartAction | ChartAction[];
  exit?: ChartAction | ChartAction[];
  invoke?: ChartInvoke | ChartInvoke[];
  /** A static context; a computed one (the usual case) is bound (chart-binding.ts). */
  context?: Record<string, unknown>;
  description?: string;
  /** A static output; a computed one is bound. */
  output?: unknown;
  tags?: string | string[];
  meta?: Record<string, unknown>;
  target?: string;
  onDone?: ChartTransition;
  version?: string;
}

/** What the implementations of a version define, by name: what a chart may refer to. */
export interface ChartImplementationNames {
  guards: string[];
  actions: string[];
  delays: string[];
  actors: string[];
}

/** A dotted state path from the root, the form issues and diffs use: `game.day.phase.voting`. */
export type StatePath = string;
