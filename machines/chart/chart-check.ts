/**
 * Whether a chart fits the implementations it is to run with: every guard, action, named delay and
 * child `src` it names exists, every transition's target resolves, every `initial` is a child. XState
 * itself would treat a missing delay as "no delay" and a missing action as nothing at all, so a
 * typo in a designer's chart would change the game silently; this check makes it a sentence naming
 * the state. Pure; never throws on a chart, however malformed.
 *
 * It also reads a TypeScript machine's config (machines/hostable.ts checks every registered
 * version with it): inline functions and inline actor logic there are implementations, not names,
 * so they are skipped here; hostable.ts and chart-export.ts judge them.
 */
import type {
  ChartAction,
  ChartGuard,
  ChartImplementationNames,
  ChartNode,
  ChartTransition,
  ChartTransitionObject,
  StatePath,
} from './chart';

export type ChartIssueKind =
  | 'unknown-guard'
  | 'unknown-action'
  | 'unknown-delay'
  | 'unknown-actor'
  | 'unknown-target'
  | 'bad-initial'
  | 'missing-invoke-id'
  | 'bad-form'
  /** Built, but the host could not make it durable (machines/hostable.ts says why). */
  | 'not-hostable';

export interface ChartIssue {
  /** The state the problem is in, as a dotted path from the root: `game.day.phase.voting`. */
  statePath: StatePath;
  kind: ChartIssueKind;
  /** The name at fault: the guard, action, delay, actor, target or initial state. */
  name: string;
  /** A sentence naming the state and what to do. */
  message: string;
}

const COMBINATORS = new Set(['xstate.and', 'xstate.or', 'xstate.not']);

interface Located {
  node: ChartNode;
  path: string[];
  parent: Located | null;
}

/** The problems of `chart` run with implementations named `names`; [] when it fits. */
export function checkChart(chart: ChartNode, names: ChartImplementationNames): ChartIssue[] {
  const issues: ChartIssue[] = [];
  const rootKey = chart.id ?? '(machine)';
  const known = {
    guards: new Set(names.guards),
    actions: new Set(names.actions),
    delays: new Set(names.delays),
    actors: new Set(names.actors),
  };
  const ids = new Map<string, Located>();

  const index = (located: Located) => {
    ids.set(located.path.join('.'), located);
    if (typeof located.node.id === 'string' && located.parent) ids.set(located.node.id, located);
    for (const [key, child] of Object.entries(located.node.states ?? {})) {
      if (child && typeof child === 'object') index({ node: child, path: [...located.path, key], parent: located });
    }
  };
  const root: Located = { node: chart, path: [rootKey], parent: null };
  index(root);

  const issue = (at: Located, kind: ChartIssueKind, name: string, what: string) => {
    const statePath = at.path.join('.');
    issues.push({ statePath, kind, name, message: `State "${statePath}" ${what}` });
  };

  const descend = (from: Located, keys: string[]): Located | null => {
    let at: Located | null = from;
    // As XState reads a path: an empty segment (`'.'`, `'a.'`) names no child, so `'.'` is the state itself.
    for (const key of keys.filter(Boolean)) {
      const child: ChartNode | undefined = at?.node.states?.[key];
      if (!at || !child) return null;
      at = { node: child, path: [...at.path, key], parent: at };
    }
    return at;
  };

  const resolve = (source: Located, target: string): Located | null => {
    if (target.startsWith('#')) {
      const ref = target.slice(1);
      const whole = ids.get(ref);
      if (whole) return whole;
      const [id, ...rest] = ref.split('.');
      const base = ids.get(id!) ?? (id === rootKey ? root : undefined);
      return base ? descend(base, rest) : null;
    }
    if (target.startsWith('.')) return descend(source, target.slice(1).split('.'));
    return source.parent ? descend(source.parent, target.split('.')) : null;
  };

  const checkGuard = (at: Located, guard: unknown, where: string) => {
    if (typeof guard === 'function') {
      // XState's and/or/not carry the guards they combine; any other function is inline.
      const inner = (guard as { guards?: unknown }).guards;
      if (Array.isArray(inner)) for (const g of inner) checkGuard(at, g, where);
      return;
    }
    if (typeof guard === 'string') {
      if (!known.guards.has(guard))
        issue(
          at,
          'unknown-guard',
          guard,
          `${where} uses the guard "${guard}", which the implementations do not define: add it to setup({ guards }) or correct the name.`,
        );
      return;
    }
    if (guard && typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') {
      const { type, guards } = guard as { type: string; guards?: unknown };
      if (COMBINATORS.has(type)) {
        if (!Array.isArray(guards)) issue(at, 'bad-form', type, `${where} combines guards with "${type}" without a "guards" list.`);
        else for (const inner of guards as ChartGuard[]) checkGuard(at, inner, where);
        return;
      }
      checkGuard(at, type, where);
      return;
    }
    issue(at, 'bad-form', String(guard), `${where} has a guard that is neither a name nor { type, params }.`);
  };

  const checkActions = (at: Located, actions: unknown, where: string) => {
    for (const action of [actions ?? []].flat() as ChartAction[]) {
      if (typeof action === 'function') continue;
      const name = typeof action === 'string' ? action : action && typeof action === 'object' ? action.type : undefined;
      if (typeof name !== 'string') {
        issue(at, 'bad-form', String(action), `${where} has an action that is neither a name nor { type, params }.`);
      } else if (!known.actions.has(name)) {
        issue(
          at,
          'unknown-action',
          name,
          `${where} runs the action "${name}", which the implementations do not define: add it to setup({ actions }) or correct the name.`,
        );
      }
    }
  };

  const checkTransition = (at: Located, transition: ChartTransition | undefined, where: string) => {
    for (const candidate of [transition ?? []].flat() as (string | ChartTransitionObject)[]) {
      const t: ChartTransitionObject = typeof candidate === 'string' ? { target: candidate } : (candidate ?? {});
      if (typeof t !== 'object') continue;
      for (const target of [t.target ?? []].flat()) {
        if (typeof target !== 'string' || !resolve(at, target)) {
          issue(
            at,
            'unknown-target',
            String(target),
            `${where} targets "${String(target)}", which is no state of the chart: use a sibling's key, ".child" or "#id".`,
          );
        }
      }
      if (t.guard !== undefined) checkGuard(at, t.guard, where);
      checkActions(at, t.actions, where);
    }
  };

  const visit = (at: Located) => {
    const node = at.node;
    const states = node.states ?? {};
    if (node.initial !== undefined && !(typeof node.initial === 'string' && node.initial in states)) {
      issue(
        at,
        'bad-initial',
        String(node.initial),
        `starts in "${String(node.initial)}", which is not one of its states (${Object.keys(states).join(', ') || 'none'}).`,
      );
    }
    checkActions(at, node.entry, 'on entry');
    checkActions(at, node.exit, 'on exit');
    for (const [event, transition] of Object.entries(node.on ?? {})) checkTransition(at, transition, `on "${event}"`);
    for (const [delay, transition] of Object.entries(node.after ?? {})) {
      if (Number.isNaN(Number(delay)) && !known.delays.has(delay)) {
        issue(
          at,
          'unknown-delay',
          delay,
          `waits for the delay "${delay}", which the implementations do not define: add it to setup({ delays }) or correct the name (XState would fire at once).`,
        );
      }
      checkTransition(at, transition, `after "${delay}"`);
    }
    checkTransition(at, node.always, 'always');
    checkTransition(at, node.onDone, 'when done');
    for (const invoke of [node.invoke ?? []].flat()) {
      const src: unknown = invoke?.src;
      const inline = (typeof src === 'object' && src !== null) || typeof src === 'function';
      if (!inline && (typeof src !== 'string' || !known.actors.has(src))) {
        issue(
          at,
          'unknown-actor',
          String(src),
          `invokes "${String(src)}", which the implementations' actors do not define: add it to setup({ actors }) or correct the name.`,
        );
      }
      if (typeof invoke?.id !== 'string' || invoke.id.length === 0) {
        issue(
          at,
          'missing-invoke-id',
          String(src),
          `invokes "${String(src)}" without an explicit id: give it one (its timers and restores are keyed by it).`,
        );
      }
      checkTransition(at, invoke?.onDone, `when "${String(invoke?.id ?? src)}" is done`);
      checkTransition(at, invoke?.onError, `when "${String(invoke?.id ?? src)}" fails`);
      checkTransition(at, invoke?.onSnapshot, `on a snapshot of "${String(invoke?.id ?? src)}"`);
    }
    for (const [key, child] of Object.entries(states)) {
      if (child && typeof child === 'object') visit({ node: child, path: [...at.path, key], parent: at });
    }
  };
  visit(root);
  return issues;
}
