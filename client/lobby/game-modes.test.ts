import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOBBY_MODES } from '../../machines/lobby-modes';
import { LOBBY_DEFAULT_MACHINE } from './default-machine';
import { DEFAULT_MACHINE_MODULE, defaultMachineIn } from './default-machine-source';
import { defaultPresetOf, durationWords, initialMode, presetManifest } from './game-modes';

const blitz = LOBBY_MODES.find((mode) => mode.ref === 'blitz@1')!;

describe('the lobby’s game modes', () => {
  it('start on the lobby API’s default, read from worker/lobby.ts, one of the modes offered', () => {
    const declared = defaultMachineIn(readFileSync(DEFAULT_MACHINE_MODULE, 'utf8'));
    expect(LOBBY_DEFAULT_MACHINE).toBe(declared);
    expect(initialMode(LOBBY_DEFAULT_MACHINE).ref).toBe(declared);
    expect(initialMode('blitz@1').ref).toBe('blitz@1');
    expect(initialMode('nothing@9').ref).toBe(LOBBY_MODES[0]!.ref);
  });

  it('fail the build when worker/lobby.ts stops declaring the default as a literal', () => {
    expect(defaultMachineIn("export const DEFAULT_MACHINE = 'pecking-order@2';\n")).toBe('pecking-order@2');
    expect(() => defaultMachineIn('export const DEFAULT_MACHINE = pickOne();')).toThrow(/no longer declares/);
  });

  it('make a blitz manifest of its default and the host’s choices, with the presets that fit the cast', () => {
    expect(defaultPresetOf(blitz, 5)).toBe('SPRINT');
    expect(defaultPresetOf(blitz, 9)).toBe('STANDARD');
    expect(presetManifest(blitz, 9, { preset: 'MARATHON', scheduling: 'ADMIN' })).toEqual({ preset: 'MARATHON', scheduling: 'ADMIN' });
    const presets = blitz.lobby.presets!(6);
    expect(presets.map((p) => [p.name, p.unfit === null, durationWords(p.durationMs!)])).toEqual([
      ['SPRINT', true, '21 minutes'],
      ['STANDARD', true, '30 minutes'],
      ['MARATHON', false, '39 minutes'],
    ]);
  });
});
