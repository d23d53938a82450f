/**
 * A named delay's length, when it can be known: the machine version's delay implementation
 * evaluated on the actor's current context (pecking-order's delays read `context.timing`).
 */
import type { AnyStateMachine } from 'xstate';

export type DelayResolver = (delay: string | number) => number | null;

export function delayResolver(machine: AnyStateMachine | undefined, context: unknown): DelayResolver {
  const delays = (machine?.implementations?.delays ?? {}) as Record<string, unknown>;
  return (delay) => {
    if (typeof delay === 'number') return delay;
    const implementation = delays[delay];
    if (typeof implementation === 'number') return implementation;
    if (typeof implementation !== 'function' || context === undefined) return null;
    try {
      const ms = implementation({ context, event: { type: 'xstate.inspect' } });
      return typeof ms === 'number' && Number.isFinite(ms) ? ms : null;
    } catch {
      return null;
    }
  };
}

/** `1 h 30 min`, `4 s`, `250 ms`: a duration for people. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  for (const [size, unit] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.slice(0, 2).join(' ');
}
