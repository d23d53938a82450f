/**
 * Machine versions by `name@version`. A room pins the version it was created with for its whole
 * life, so every version ever shipped stays registered and importable.
 */
import { hostableProblems } from './hostable';
import { refOf, type MachineRef, type MachineVersion } from './machine-version';

export interface MachineRegistry {
  get(ref: string): MachineVersion | undefined;
  list(): readonly MachineVersion[];
}

const MACHINE_REF = /^([a-z][a-z0-9-]*)@([1-9][0-9]*)$/;

/** Parses `name@version`; null when it is not of that form. */
export function parseMachineRef(ref: string): { name: string; version: number; ref: MachineRef } | null {
  const match = MACHINE_REF.exec(ref);
  if (!match) return null;
  return { name: match[1]!, version: Number(match[2]), ref: ref as MachineRef };
}

export function createRegistry(versions: readonly MachineVersion[]): MachineRegistry {
  const byRef = new Map<string, MachineVersion>();
  for (const version of versions) {
    const ref = refOf(version);
    if (!parseMachineRef(ref)) throw new Error(`Machine ref ${ref} is not of the form name@version`);
    if (byRef.has(ref)) throw new Error(`Machine ${ref} is registered twice`);
    const problems = hostableProblems(version.machine);
    if (problems.length > 0) throw new Error(`Machine ${ref} cannot be hosted durably:\n- ${problems.join('\n- ')}`);
    byRef.set(ref, version);
  }
  return {
    get: (ref) => byRef.get(ref),
    list: () => [...byRef.values()],
  };
}
