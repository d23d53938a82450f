/**
 * A designer's edits to a chart (machines/chart/chart.ts: XState's createMachine config as JSON), as
 * one pure reducer: a chart and an edit in, a new chart or a refusal out. The chart given is never
 * modified, so undo is keeping the previous chart (draft-history.ts).
 *
 * States are addressed by their keys from the root (`['day', 'phase']`), transitions by their
 * state, trigger and position among that trigger's candidates (the order XState tries them in).
 * Renaming or moving a state rewrites every target that pointed at it, so the chart still means
 * what it meant; deleting one leaves the targets that pointed into it dangling on purpose:
 * checkChart flags them, and the designer decides what they should become.
 */
import type { ChartNode, ChartTransition, ChartTransitionObject } from '../../machines/chart/chart';

/** Keys from the root to a state; [] is the root. */
export type StateKeys = readonly string[];

export type TriggerKind = 'on' | 'after' | 'always';

/** What makes a transition be taken: an event, a delay (a name or ms), or nothing (`always`). */
export type Trigger = { kind: 'on'; event: string } | { kind: 'after'; delay: string | number } | { kind: 'always' };

export interface TransitionRef {
  state: StateKeys;
  trigger: Trigger;
  /** Position among the trigger's candidates. */
  index: number;
}

export type StateType = 'atomic' | 'compound' | 'parallel' | 'final';

export type DraftEdit =
  | { type: 'state.add'; parent: StateKeys; key: string; stateType?: StateType }
  | { type: 'state.rename'; state: StateKeys; key: string }
  | { type: 'state.move'; state: StateKeys; parent: StateKeys }
  | { type: 'state.delete'; state: StateKeys }
  | { type: 'state.type'; state: StateKeys; stateType: StateType }
  | { type: 'state.initial'; state: StateKeys; initial: string }
  | { type: 'transition.add'; state: StateKeys; trigger: Trigger; target?: string }
  | { type: 'transition.retarget'; ref: TransitionRef; target: string | null }
  | { type: 'transition.trigger'; ref: TransitionRef; trigger: Trigger }
  | { type: 'transition.guard'; ref: TransitionRef; guard: string | null }
  | { type: 'transition.actions'; ref: TransitionRef; actions: string[] }
  | { type: 'transition.delete'; ref: TransitionRef };

/** Why an edit was refused: a stable code and a sentence saying what to do. */
export interface EditRefusal {
  code:
    | 'NO_SUCH_STATE'
    | 'NO_SUCH_TRANSITION'
    | 'BAD_KEY'
    | 'KEY_TAKEN'
    | 'MOVE_INTO_ITSELF'
    | 'ROOT_IS_FIXED'
    | 'NOT_A_CHILD'
    | 'BAD_DELAY'
    | 'BAD_EVENT';
  message: string;
}

export type EditResult = { ok: true; chart: ChartNode } | { ok: false; refusal: EditRefusal };

const refuse = (code: EditRefusal['code'], message: string): EditResult => ({ ok: false, refusal: { code, message } });

/** A state key XState can address: no dots (path separator), no leading `#`, not empty. */
const KEY = /^[A-Za-z_$][\w$-]*$/;

const clone = <T>(value: T): T => structuredClone(value);

export const keysText = (keys: StateKeys) => (keys.length ? keys.join('.') : '(root)');

export function stateAt(chart: ChartNode, keys: StateKeys): ChartNode | undefined {
  let at: ChartNode | undefined = chart;
  for (const key of keys) at = at?.states?.[key];
  return at;
}

/** The candidates of a trigger as objects, whatever form the chart wrote them in. */
export function candidatesOf(transition: ChartTransition | undefined): ChartTransitionObject[] {
  return ([transition ?? []].flat() as (string | ChartTransitionObject)[]).map((c) => (typeof c === 'string' ? { target: c } : { ...c }));
}

/** Candidates written back in the chart's shortest form: a bare target, one object, or a list. */
function writeCandidates(candidates: ChartTransitionObject[]): ChartTransition | undefined {
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const keys = Object.keys(only);
    if (keys.length === 1 && keys[0] === 'target' && typeof only.target === 'string') return only.target;
    return only;
  }
  return candidates;
}

const triggerKey = (trigger: Trigger) => (trigger.kind === 'on' ? trigger.event : trigger.kind === 'after' ? String(trigger.delay) : '');

function readTrigger(node: ChartNode, trigger: Trigger): ChartTransitionObject[] {
  if (trigger.kind === 'always') return candidatesOf(node.always);
  const table = trigger.kind === 'on' ? node.on : node.after;
  return candidatesOf(table?.[triggerKey(trigger)]);
}

function writeTrigger(node: ChartNode, trigger: Trigger, candidates: ChartTransitionObject[]): void {
  const written = writeCandidates(candidates);
  if (trigger.kind === 'always') {
    if (written === undefined) delete node.always;
    else node.always = written;
    return;
  }
  const field = trigger.kind === 'on' ? 'on' : 'after';
  const table = { ...(node[field] ?? {}) };
  if (written === undefined) delete table[triggerKey(trigger)];
  else table[triggerKey(trigger)] = written;
  if (Object.keys(table).length === 0) delete node[field];
  else node[field] = table;
}

function checkTrigger(trigger: Trigger): EditResult | null {
  if (trigger.kind === 'on' && !(trigger.event.trim().length > 0))
    return refuse('BAD_EVENT', 'Give the transition an event type, e.g. "admin.advance".');
  if (trigger.kind === 'after') {
    const { delay } = trigger;
    const ok = typeof delay === 'number' ? Number.isInteger(delay) && delay >= 0 : delay.trim().length > 0;
    if (!ok) return refuse('BAD_DELAY', 'A delay is a named delay of the version or a whole number of milliseconds (0 or more).');
  }
  return null;
}

// ---- targets -----------------------------------------------------------------------------------

interface TargetSite {
  /** The state holding the transition. */
  source: string[];
  read(): string | string[] | undefined;
  write(target: string | string[]): void;
}

/**
 * Every transition candidate of the chart with its source state (on, after, always, onDone,
 * invoke's), bare-string candidates included, with a way to rewrite its target in place.
 */
function forEachCandidate(chart: ChartNode, visit: (site: TargetSite) => void): void {
  const walk = (node: ChartNode, keys: string[]) => {
    const each = (holder: Record<string | number, unknown>, field: string | number) => {
      const t = holder[field];
      if (Array.isArray(t)) for (let i = 0; i < t.length; i++) each(t as unknown as Record<number, unknown>, i);
      else if (typeof t === 'string') visit({ source: keys, read: () => holder[field] as string, write: (v) => (holder[field] = v) });
      else if (t && typeof t === 'object') {
        const o = t as ChartTransitionObject;
        visit({ source: keys, read: () => o.target, write: (v) => (o.target = v) });
      }
    };
    const table = (t: Record<string, unknown> | undefined) => {
      for (const k of Object.keys(t ?? {})) each(t!, k);
    };
    table(node.on as Record<string, unknown> | undefined);
    table(node.after as Record<string, unknown> | undefined);
    each(node as Record<string, unknown>, 'always');
    each(node as Record<string, unknown>, 'onDone');
    for (const invoke of [node.invoke ?? []].flat())
      for (const f of ['onDone', 'onError', 'onSnapshot']) each(invoke as unknown as Record<string, unknown>, f);
    for (const [key, child] of Object.entries(node.states ?? {})) walk(child, [...keys, key]);
  };
  walk(chart, []);
}

/** Explicit ids (an `id` on a state other than the root) to their keys. */
function explicitIds(chart: ChartNode): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  const walk = (node: ChartNode, keys: string[]) => {
    if (keys.length > 0 && typeof node.id === 'string') ids.set(node.id, keys);
    for (const [key, child] of Object.entries(node.states ?? {})) walk(child, [...keys, key]);
  };
  walk(chart, []);
  return ids;
}

/** Where a target string leads from `source`: the base state it starts at and the keys it walks. */
function parseTarget(
  chart: ChartNode,
  source: StateKeys,
  target: string,
  ids = explicitIds(chart),
): { base: string[]; keys: string[] } | null {
  if (target.startsWith('#')) {
    const ref = target.slice(1);
    const whole = ids.get(ref);
    if (whole) return { base: whole, keys: [] };
    const [id, ...rest] = ref.split('.');
    const base = ids.get(id!) ?? (id === (chart.id ?? '(machine)') ? [] : null);
    return base ? { base, keys: rest } : null;
  }
  if (target.startsWith('.')) return { base: [...source], keys: target.slice(1).split('.') };
  if (source.length === 0) return null;
  return { base: source.slice(0, -1), keys: target.split('.') };
}

function resolveTarget(chart: ChartNode, source: StateKeys, target: string): string[] | null {
  const parsed = parseTarget(chart, source, target);
  if (!parsed) return null;
  const keys = [...parsed.base, ...parsed.keys];
  return stateAt(chart, keys) ? keys : null;
}

const startsWith = (keys: readonly string[], prefix: readonly string[]) => prefix.every((k, i) => keys[i] === k);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && startsWith(a, b);

/** A target that reaches `keys` from anywhere: by the root's id. */
const absolute = (chart: ChartNode, keys: readonly string[]) =>
  keys.length ? `#${[chart.id ?? '(machine)', ...keys].join('.')}` : `#${chart.id ?? '(machine)'}`;

/**
 * Applies a structural change (rename or move) and keeps every target pointing at the same state:
 * `remap` says where an old path is now. A target whose own words still lead there stays as
 * written; one whose words no longer do is rewritten, first by `rewrite` (keeping its form), then
 * by the root's id.
 */
function keepingTargets(
  before: ChartNode,
  change: (draft: ChartNode) => void,
  remap: (keys: string[]) => string[],
  rewrite: (target: string, source: string[], expected: string[]) => string | null = () => null,
): ChartNode {
  // Resolve every target in the chart as it was, then change it. clone() keeps the walk order, so
  // the n-th site of the chart before is the n-th site of its copy.
  const after = clone(before);
  const sitesBefore: TargetSite[] = [];
  forEachCandidate(before, (site) => sitesBefore.push(site));
  const sitesAfter: TargetSite[] = [];
  forEachCandidate(after, (site) => sitesAfter.push(site));
  const resolved = sitesBefore.map((site, i) => ({
    site: sitesAfter[i]!,
    source: site.source,
    targets: [site.read() ?? []].flat().map((t) => (typeof t === 'string' ? resolveTarget(before, site.source, t) : null)),
  }));
  change(after);
  for (const { site, source, targets } of resolved) {
    const written = site.read();
    if (written === undefined) continue;
    const newSource = remap(source);
    const list = [written].flat().map((target, i) => {
      const was = targets[i];
      if (typeof target !== 'string' || !was) return target; // dangling already: leave it for checkChart
      const expected = remap(was);
      const now = resolveTarget(after, newSource, target);
      if (now && same(now, expected)) return target;
      const kept = rewrite(target, source, expected);
      if (kept !== null && same(resolveTarget(after, newSource, kept) ?? [], expected)) return kept;
      return absolute(after, expected);
    });
    site.write(Array.isArray(written) ? list : list[0]!);
  }
  return after;
}

// ---- the reducer -------------------------------------------------------------------------------

/** The chart after `edit`, or why not. Pure: `chart` is left as it was. */
export function applyEdit(chart: ChartNode, edit: DraftEdit): EditResult {
  switch (edit.type) {
    case 'state.add': {
      const parent = stateAt(chart, edit.parent);
      if (!parent) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.parent)} to add a state to.`);
      if (!KEY.test(edit.key))
        return refuse(
          'BAD_KEY',
          `"${edit.key}" cannot name a state: use letters, digits, _ or - (no dots, no spaces), starting with a letter.`,
        );
      if (parent.states?.[edit.key])
        return refuse('KEY_TAKEN', `${keysText(edit.parent)} already has a state "${edit.key}": pick another name.`);
      const next = clone(chart);
      const into = stateAt(next, edit.parent)!;
      const child: ChartNode = {};
      if (edit.stateType && edit.stateType !== 'atomic' && edit.stateType !== 'compound') child.type = edit.stateType;
      const first = !into.states || Object.keys(into.states).length === 0;
      into.states = { ...(into.states ?? {}), [edit.key]: child };
      // A state that just became compound needs an initial state; a parallel one starts every region.
      if (first && into.type !== 'parallel' && into.initial === undefined) into.initial = edit.key;
      if (into.type === 'final' || into.type === 'atomic') delete into.type;
      return { ok: true, chart: next };
    }
    case 'state.rename': {
      if (edit.state.length === 0) return refuse('ROOT_IS_FIXED', 'The root state is named by the machine id; rename a state inside it.');
      const node = stateAt(chart, edit.state);
      if (!node) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.state)} to rename.`);
      const old = edit.state.at(-1)!;
      if (edit.key === old) return { ok: true, chart };
      if (!KEY.test(edit.key))
        return refuse(
          'BAD_KEY',
          `"${edit.key}" cannot name a state: use letters, digits, _ or - (no dots, no spaces), starting with a letter.`,
        );
      const parentKeys = edit.state.slice(0, -1);
      const parent = stateAt(chart, parentKeys)!;
      if (parent.states?.[edit.key])
        return refuse('KEY_TAKEN', `${keysText(parentKeys)} already has a state "${edit.key}": pick another name.`);
      const depth = edit.state.length;
      const remap = (keys: string[]) => (startsWith(keys, edit.state) ? [...parentKeys, edit.key, ...keys.slice(depth)] : keys);
      const next = keepingTargets(
        chart,
        (draft) => {
          const p = stateAt(draft, parentKeys)!;
          // Rebuild the map to keep the state's place among its siblings (the drawing's order).
          p.states = Object.fromEntries(Object.entries(p.states!).map(([k, v]) => [k === old ? edit.key : k, v]));
          if (p.initial === old) p.initial = edit.key;
        },
        remap,
        (target, source) => {
          // Keep the target's form: replace the renamed key where the target's own words name it.
          const parsed = parseTarget(chart, source, target);
          if (!parsed || !startsWith(edit.state, parsed.base) || parsed.base.length >= depth) return null;
          const at = depth - 1 - parsed.base.length;
          if (parsed.keys[at] !== old) return null;
          const keys = parsed.keys.map((k, i) => (i === at ? edit.key : k));
          const head = target.startsWith('#')
            ? target.slice(0, target.length - parsed.keys.join('.').length)
            : target.startsWith('.')
              ? '.'
              : '';
          return `${head}${keys.join('.')}`;
        },
      );
      return { ok: true, chart: next };
    }
    case 'state.move': {
      if (edit.state.length === 0) return refuse('ROOT_IS_FIXED', 'The root state cannot move.');
      const node = stateAt(chart, edit.state);
      if (!node) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.state)} to move.`);
      const target = stateAt(chart, edit.parent);
      if (!target) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.parent)} to move ${keysText(edit.state)} into.`);
      if (startsWith(edit.parent, edit.state))
        return refuse('MOVE_INTO_ITSELF', `${keysText(edit.state)} cannot move into itself or a state inside it.`);
      const key = edit.state.at(-1)!;
      const fromKeys = edit.state.slice(0, -1);
      if (same(fromKeys, edit.parent)) return { ok: true, chart };
      if (target.states?.[key])
        return refuse('KEY_TAKEN', `${keysText(edit.parent)} already has a state "${key}": rename one of them first.`);
      const depth = edit.state.length;
      const remap = (keys: string[]) => (startsWith(keys, edit.state) ? [...edit.parent, key, ...keys.slice(depth)] : keys);
      const next = keepingTargets(
        chart,
        (draft) => {
          const from = stateAt(draft, fromKeys)!;
          const moved = from.states![key]!;
          const rest = Object.fromEntries(Object.entries(from.states!).filter(([k]) => k !== key));
          if (Object.keys(rest).length) from.states = rest;
          else delete from.states;
          if (from.initial === key) {
            const firstLeft = Object.keys(rest)[0];
            if (firstLeft) from.initial = firstLeft;
            else delete from.initial;
          }
          const into = stateAt(draft, edit.parent)!;
          const first = !into.states || Object.keys(into.states).length === 0;
          into.states = { ...(into.states ?? {}), [key]: moved };
          if (first && into.type !== 'parallel' && into.initial === undefined) into.initial = key;
          if (into.type === 'final' || into.type === 'atomic') delete into.type;
        },
        remap,
      );
      return { ok: true, chart: next };
    }
    case 'state.delete': {
      if (edit.state.length === 0) return refuse('ROOT_IS_FIXED', 'The root state cannot be deleted.');
      if (!stateAt(chart, edit.state)) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.state)} to delete.`);
      const next = clone(chart);
      const key = edit.state.at(-1)!;
      const parent = stateAt(next, edit.state.slice(0, -1))!;
      const rest = Object.fromEntries(Object.entries(parent.states!).filter(([k]) => k !== key));
      if (Object.keys(rest).length) parent.states = rest;
      else delete parent.states;
      if (parent.initial === key) {
        const firstLeft = Object.keys(rest)[0];
        if (firstLeft) parent.initial = firstLeft;
        else delete parent.initial;
      }
      return { ok: true, chart: next };
    }
    case 'state.type': {
      if (!stateAt(chart, edit.state)) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.state)}.`);
      const next = clone(chart);
      const node = stateAt(next, edit.state)!;
      const children = Object.keys(node.states ?? {});
      if (edit.stateType === 'final' && children.length)
        return refuse('BAD_KEY', `${keysText(edit.state)} has states inside: a final state cannot; move or delete them first.`);
      if (edit.stateType === 'atomic' && children.length)
        return refuse('BAD_KEY', `${keysText(edit.state)} has states inside: delete them to make it atomic.`);
      if (edit.stateType === 'parallel') {
        node.type = 'parallel';
        delete node.initial; // every region of a parallel state is entered
      } else if (edit.stateType === 'final') node.type = 'final';
      else {
        delete node.type; // XState infers atomic or compound from the children
        if (children.length && node.initial === undefined) node.initial = children[0]!;
      }
      return { ok: true, chart: next };
    }
    case 'state.initial': {
      const node = stateAt(chart, edit.state);
      if (!node) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.state)}.`);
      if (!node.states?.[edit.initial])
        return refuse(
          'NOT_A_CHILD',
          `"${edit.initial}" is not a state inside ${keysText(edit.state)}: pick one of ${Object.keys(node.states ?? {}).join(', ') || '(none)'}.`,
        );
      const next = clone(chart);
      stateAt(next, edit.state)!.initial = edit.initial;
      return { ok: true, chart: next };
    }
    case 'transition.add': {
      if (!stateAt(chart, edit.state)) return refuse('NO_SUCH_STATE', `There is no state ${keysText(edit.state)} to add a transition to.`);
      const bad = checkTrigger(edit.trigger);
      if (bad) return bad;
      const next = clone(chart);
      const node = stateAt(next, edit.state)!;
      const candidate: ChartTransitionObject = edit.target ? { target: edit.target } : {};
      writeTrigger(node, edit.trigger, [...readTrigger(node, edit.trigger), candidate]);
      return { ok: true, chart: next };
    }
    case 'transition.retarget':
    case 'transition.guard':
    case 'transition.actions':
    case 'transition.delete':
    case 'transition.trigger': {
      const { ref } = edit;
      const node = stateAt(chart, ref.state);
      const candidates = node ? readTrigger(node, ref.trigger) : [];
      if (!node || !candidates[ref.index]) {
        return refuse(
          'NO_SUCH_TRANSITION',
          `${keysText(ref.state)} has no transition ${describeTrigger(ref.trigger)} #${ref.index + 1}: it may have been changed; select it again.`,
        );
      }
      const next = clone(chart);
      const at = stateAt(next, ref.state)!;
      const list = readTrigger(at, ref.trigger);
      const candidate = list[ref.index]!;
      if (edit.type === 'transition.delete') list.splice(ref.index, 1);
      else if (edit.type === 'transition.retarget') {
        if (edit.target === null || edit.target === '') delete candidate.target;
        else candidate.target = edit.target;
      } else if (edit.type === 'transition.guard') {
        if (edit.guard === null || edit.guard === '') delete candidate.guard;
        else candidate.guard = edit.guard;
      } else if (edit.type === 'transition.actions') {
        if (edit.actions.length === 0) delete candidate.actions;
        else {
          // Actions with params stay as written when kept; a newly picked one is named bare.
          const before = [candidate.actions ?? []].flat();
          candidate.actions = edit.actions.map((name) => before.find((a) => (typeof a === 'string' ? a : a.type) === name) ?? name);
        }
      } else {
        const bad = checkTrigger(edit.trigger);
        if (bad) return bad;
        list.splice(ref.index, 1);
        writeTrigger(at, ref.trigger, list);
        writeTrigger(at, edit.trigger, [...readTrigger(at, edit.trigger), candidate]);
        return { ok: true, chart: next };
      }
      writeTrigger(at, ref.trigger, list);
      return { ok: true, chart: next };
    }
  }
}

export function describeTrigger(trigger: Trigger): string {
  return trigger.kind === 'on' ? `on "${trigger.event}"` : trigger.kind === 'after' ? `after ${trigger.delay}` : 'always';
}

/** Every transition a state holds that the editor can change, with its ref (on, after, always). */
export function transitionsOf(chart: ChartNode, keys: StateKeys): { ref: TransitionRef; transition: ChartTransitionObject }[] {
  const node = stateAt(chart, keys);
  if (!node) return [];
  const out: { ref: TransitionRef; transition: ChartTransitionObject }[] = [];
  const push = (trigger: Trigger, t: ChartTransition | undefined) =>
    candidatesOf(t).forEach((transition, index) => {
      out.push({ ref: { state: keys, trigger, index }, transition });
    });
  for (const [event, t] of Object.entries(node.on ?? {})) push({ kind: 'on', event }, t);
  for (const [delay, t] of Object.entries(node.after ?? {})) push({ kind: 'after', delay: /^\d+$/.test(delay) ? Number(delay) : delay }, t);
  if (node.always !== undefined) push({ kind: 'always' }, node.always);
  return out;
}
