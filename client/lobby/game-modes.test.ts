import { describe, expect, it } from 'vitest';
import { DEFAULT_MODE, LOBBY_MODES } from '../../machines/lobby-modes';
import { defaultPresetOf, durationWords, initialMode, presetManifest } from './game-modes';

const blitz = LOBBY_MODES.find((mode) => mode.ref === 'blitz@1')!;

describe('the lobby’s game modes', () => {
  it('start on the default mode, one of the modes offered', () => {
    expect(LOBBY_MODES.map((mode) => mode.ref)).toContain(DEFAULT_MODE);
    expect(initialMode(DEFAULT_MODE).ref).toBe(DEFAULT_MODE);
    expect(initialMode('blitz@1').ref).toBe('blitz@1');
    expect(initialMode('nothing@9').ref).toBe(LOBBY_MODES[0]!.ref);
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
