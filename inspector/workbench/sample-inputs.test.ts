import { describe, expect, it } from 'vitest';
import { refOf } from '../../machines/machine-version';
import { workbenchEntries } from '../../machines/workbench-entries';
import { sampleInit } from './sample-inputs';
import { Simulation } from './simulation';

const facts = { roomId: 'workbench', createdAt: Date.UTC(2026, 0, 1, 8, 0, 0), seed: 'workbench' };

describe('the workbench’s sample inputs', () => {
  it.each(workbenchEntries.map((entry) => [refOf(entry), entry] as const))('start %s as they are', (_, entry) => {
    const init = sampleInit(entry);
    expect(entry.initSchema.safeParse(init).success).toBe(true);
    expect(() => new Simulation(entry, init, facts)).not.toThrow();
  });
});
