import { describe, expect, it } from 'vitest';
import { catalog } from '../../machines/catalog';
import { describeMachine } from '../../machines/definition';
import { layoutChart, type Box } from './chart-layout';
import { estimateWidth } from './chart-text';

const definition = describeMachine(catalog.get('pecking-order@1')!);
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

describe('the chart layout of pecking-order@1', () => {
  it('nests every state inside its parent, marks parallel regions, and labels after-transitions by delay', async () => {
    const layout = await layoutChart(definition.root, estimateWidth);
    const byId = new Map(layout.states.map((s) => [s.id, s]));
    expect(byId.size).toBe(96);
    for (const s of layout.states) {
      const parentId = s.id.split('.').slice(0, -1).join('.');
      if (byId.has(parentId)) expect(inside(s, byId.get(parentId)!), `${s.id} inside ${parentId}`).toBe(true);
    }
    expect(byId.get('game.day.groupChat')!.region).toBe(true);
    expect(byId.get('game.day.phase.morning')!.region).toBe(false);
    const morning = layout.edges.find((e) => e.source === 'game.day.phase.morning.scheduled' && e.kind === 'after')!;
    expect(morning).toMatchObject({ target: 'game.day.phase.social', delay: 'morningEnds', label: ['after morningEnds'] });
    expect(morning.points.length).toBeGreaterThanOrEqual(2);
    // Into its own ancestor: a line in the box, not an arrow.
    expect(byId.get('game.day.phase.night.scheduled')!.lines.map((l) => l.text)).toContain('after nightEnds → ↻ day');
    expect(byId.get('game')!.lines.map((l) => l.text)).toContain('admin.endGame / endGameByAdmin → gameOver');
    expect(layout.edges.some((e) => e.source === 'game' || (e.target === 'game.day' && e.source.startsWith('game.day.')))).toBe(false);
  });

  it('hides the children of collapsed states and attaches their arrows to them', async () => {
    const layout = await layoutChart(definition.root, estimateWidth, new Set(['game.finale', 'game.day.phase.morning']));
    const ids = new Set(layout.states.map((s) => s.id));
    expect(ids.has('game.finale')).toBe(true);
    expect(ids.has('game.finale.phase')).toBe(false);
    expect(ids.has('game.day.phase.morning.scheduled')).toBe(false);
    expect(layout.states.find((s) => s.id === 'game.finale')!.collapsed).toBe(true);
    expect(layout.edges).toContainEqual(
      expect.objectContaining({ source: 'game.day.phase.morning', target: 'game.day.phase.social', kind: 'after' }),
    );
    expect(layout.edges).toContainEqual(
      expect.objectContaining({ source: 'game.pregame.scheduled', target: 'game.finale', kind: 'after' }),
    );
  });
});
