/**
 * docs/benchmarks.svg: four panels drawn from the results — latency against the baseline, latency
 * as the offered rate grows, the persistence series over the heavy game, and restore, timers and
 * simulation. Plain SVG text, no dependency.
 */
import type { BenchResults } from './results';

const W = 1000;
const H = 760;
const GAME = '#d9622b';
const BASE = '#7a7a7a';
const GAME_LIGHT = '#f0a57c';
const BASE_LIGHT = '#bdbdbd';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

class Panel {
  readonly parts: string[] = [];
  readonly plot: Box;

  constructor(
    readonly box: Box,
    title: string,
  ) {
    this.plot = { x: box.x + 58, y: box.y + 34, w: box.w - 78, h: box.h - 80 };
    this.parts.push(`<text x="${box.x + 10}" y="${box.y + 18}" font-size="15" font-weight="bold">${esc(title)}</text>`);
  }

  /** A y axis, log or linear, with ticks and a unit label; returns the scale. */
  yAxis(min: number, max: number, unit: string, log: boolean): (v: number) => number {
    const { x, y, w, h } = this.plot;
    const lo = log ? Math.log10(Math.max(min, 1e-3)) : min;
    const hi = log ? Math.log10(max) : max;
    const scale = (v: number) => y + h - (((log ? Math.log10(Math.max(v, 1e-3)) : v) - lo) / (hi - lo || 1)) * h;
    const ticks: number[] = [];
    if (log) for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) for (const m of [1, 2, 5]) ticks.push(m * 10 ** e);
    else {
      const step = niceStep((max - min) / 5);
      for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
    }
    for (const t of ticks) {
      const ty = scale(t);
      if (ty < y - 0.5 || ty > y + h + 0.5) continue;
      this.parts.push(`<line x1="${x}" x2="${x + w}" y1="${ty}" y2="${ty}" stroke="#e6e6e6"/>`);
      this.parts.push(`<text x="${x - 6}" y="${ty + 4}" font-size="11" text-anchor="end">${fmt(t)}</text>`);
    }
    this.parts.push(
      `<text x="${this.box.x + 12}" y="${y + h / 2}" font-size="11" transform="rotate(-90 ${this.box.x + 12} ${y + h / 2})" text-anchor="middle">${esc(unit)}</text>`,
    );
    this.parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#999"/>`);
    return scale;
  }

  xLabel(text: string): void {
    this.parts.push(
      `<text x="${this.plot.x + this.plot.w / 2}" y="${this.box.y + this.box.h - 8}" font-size="11" text-anchor="middle">${esc(text)}</text>`,
    );
  }

  hLine(y: number, label: string): void {
    const { x, w } = this.plot;
    this.parts.push(`<line x1="${x}" x2="${x + w}" y1="${y}" y2="${y}" stroke="#c62828" stroke-dasharray="5 4"/>`);
    this.parts.push(`<text x="${x + w - 4}" y="${y + 13}" font-size="11" fill="#c62828" text-anchor="end">${esc(label)}</text>`);
  }

  /** Legend entries left to right, on a white band, wrapping to a new row when the plot is full. */
  legend(items: [string, string][]): void {
    let lx = this.plot.x + 8;
    let ly = this.plot.y + 14;
    const entries: string[] = [];
    for (const [color, label] of items) {
      const width = 22 + label.length * 6;
      if (lx + width > this.plot.x + this.plot.w) {
        lx = this.plot.x + 8;
        ly += 15;
      }
      entries.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${color}"/>`);
      entries.push(`<text x="${lx + 14}" y="${ly}" font-size="11">${esc(label)}</text>`);
      lx += width;
    }
    this.parts.push(
      `<rect x="${this.plot.x + 1}" y="${this.plot.y + 1}" width="${this.plot.w - 2}" height="${ly - this.plot.y + 5}" fill="#fff" fill-opacity="0.85"/>`,
    );
    this.parts.push(...entries);
  }

  message(text: string): void {
    this.parts.push(
      `<text x="${this.plot.x + this.plot.w / 2}" y="${this.plot.y + this.plot.h / 2}" font-size="13" text-anchor="middle" fill="#777">${esc(text)}</text>`,
    );
  }
}

function niceStep(raw: number): number {
  const e = 10 ** Math.floor(Math.log10(raw || 1));
  const m = raw / e;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * e;
}

/** Grouped bars with value labels. */
function bars(panel: Panel, groups: { label: string; values: { v: number; color: string }[] }[], scale: (v: number) => number): void {
  const { x, y, w, h } = panel.plot;
  const gw = w / groups.length;
  groups.forEach((group, gi) => {
    const bw = Math.min(34, (gw - 16) / group.values.length);
    const start = x + gi * gw + (gw - bw * group.values.length) / 2;
    group.values.forEach(({ v, color }, i) => {
      if (!Number.isFinite(v)) return;
      const top = scale(v);
      panel.parts.push(`<rect x="${start + i * bw}" y="${top}" width="${bw - 2}" height="${Math.max(0, y + h - top)}" fill="${color}"/>`);
      panel.parts.push(`<text x="${start + i * bw + bw / 2 - 1}" y="${top - 3}" font-size="9" text-anchor="middle">${fmt(v)}</text>`);
    });
    panel.parts.push(`<text x="${x + gi * gw + gw / 2}" y="${y + h + 14}" font-size="11" text-anchor="middle">${esc(group.label)}</text>`);
  });
}

function latencyPanel(results: BenchResults, box: Box): Panel {
  const panel = new Panel(box, 'Action latency: pecking-order room vs baseline (ms, log)');
  const lat = results.steps.latency?.result;
  if (!lat) return (panel.message(results.steps.latency?.error ?? 'not measured'), panel);
  const all = [lat.game.sender, lat.game.everyone, lat.baseline.sender, lat.baseline.everyone].flatMap((d) => [d.p50, d.p99]);
  const scale = panel.yAxis(Math.min(...all) / 2, Math.max(...all) * 2, 'ms', true);
  bars(
    panel,
    (['p50', 'p95', 'p99'] as const).map((q) => ({
      label: q,
      values: [
        { v: lat.game.sender[q], color: GAME },
        { v: lat.game.everyone[q], color: GAME_LIGHT },
        { v: lat.baseline.sender[q], color: BASE },
        { v: lat.baseline.everyone[q], color: BASE_LIGHT },
      ],
    })),
    scale,
  );
  panel.legend([
    [GAME, 'room: sender'],
    [GAME_LIGHT, 'room: every player'],
    [BASE, 'baseline: sender'],
    [BASE_LIGHT, 'baseline: every player'],
  ]);
  panel.xLabel(`${lat.players} players, ${lat.actions} actions at ${lat.ratePerSecond}/s`);
  return panel;
}

function polyline(panel: Panel, points: [number, number][], color: string, dots = true): void {
  if (points.length === 0) return;
  panel.parts.push(
    `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}"/>`,
  );
  if (dots) for (const [x, y] of points) panel.parts.push(`<circle cx="${x}" cy="${y}" r="3" fill="${color}"/>`);
}

function throughputPanel(results: BenchResults, box: Box): Panel {
  const panel = new Panel(box, 'p99 until every player has the view, by offered rate (ms, log)');
  const tp = results.steps.throughput?.result;
  if (!tp) return (panel.message(results.steps.throughput?.error ?? 'not measured'), panel);
  const values = [...tp.game, ...tp.baseline].map((s) => s.everyone.p99).filter(Number.isFinite);
  const scale = panel.yAxis(Math.min(...values, tp.p99LimitMs) / 2, Math.max(...values, tp.p99LimitMs) * 2, 'ms', true);
  const steps = tp.baseline.length > tp.game.length ? tp.baseline : tp.game;
  const maxRate = Math.max(...steps.map((s) => s.offeredPerSecond));
  const xs = (rate: number) => panel.plot.x + (rate / maxRate) * (panel.plot.w - 20) + 10;
  for (const s of steps)
    panel.parts.push(
      `<text x="${xs(s.offeredPerSecond)}" y="${panel.plot.y + panel.plot.h + 14}" font-size="11" text-anchor="middle">${s.offeredPerSecond}</text>`,
    );
  panel.hLine(scale(tp.p99LimitMs), `${tp.p99LimitMs} ms`);
  polyline(
    panel,
    tp.game.map((s) => [xs(s.offeredPerSecond), scale(s.everyone.p99)]),
    GAME,
  );
  polyline(
    panel,
    tp.baseline.map((s) => [xs(s.offeredPerSecond), scale(s.everyone.p99)]),
    BASE,
  );
  panel.legend([
    [GAME, 'pecking-order room'],
    [BASE, 'baseline room'],
  ]);
  panel.xLabel(`offered actions per second (${tp.players} players, ${tp.stepSeconds} s a step); sustained: ${tp.sustainedPerSecond}/s`);
  return panel;
}

function persistencePanel(results: BenchResults, box: Box): Panel {
  const panel = new Panel(box, 'Heavy game: envelope and bytes written per transition (KB)');
  const ps = results.steps.persistence?.result;
  if (!ps || ps.series.length === 0) return (panel.message(results.steps.persistence?.error ?? 'not measured'), panel);
  const kb = (b: number) => b / 1024;
  const top = Math.max(kb(ps.limitBytes), ...ps.series.map((p) => kb(Math.max(p.envelopeBytes, p.transitionBytes)))) * 1.1;
  const scale = panel.yAxis(0, top, 'KB', false);
  const last = ps.series.at(-1)!.seq || 1;
  const xs = (seq: number) => panel.plot.x + (seq / last) * panel.plot.w;
  panel.hLine(scale(kb(ps.limitBytes)), '64 KB');
  for (const p of ps.series)
    panel.parts.push(`<circle cx="${xs(p.seq).toFixed(1)}" cy="${scale(kb(p.transitionBytes)).toFixed(1)}" r="1.6" fill="${GAME_LIGHT}"/>`);
  polyline(
    panel,
    ps.series.map((p) => [xs(p.seq), scale(kb(p.envelopeBytes))]),
    GAME,
    false,
  );
  panel.legend([
    [GAME, 'envelope'],
    [GAME_LIGHT, 'written by the transition'],
  ]);
  panel.xLabel(`transition (envelope seq), ${ps.transitions} transitions, ${ps.chatMessages + ps.dms} messages, ${ps.days} days`);
  return panel;
}

function otherPanel(results: BenchResults, box: Box): Panel {
  const panel = new Panel(box, 'Restore, timers, simulation (ms, log)');
  const rs = results.steps.restore?.result;
  const tm = results.steps.timers?.result;
  const sim = results.steps.simulation?.result;
  const groups: { label: string; values: { v: number; color: string }[] }[] = [];
  if (rs)
    groups.push({
      label: 'cold start p50',
      values: [
        { v: rs.gameCold.p50, color: GAME },
        { v: rs.baselineCold.p50, color: BASE },
      ],
    });
  if (tm)
    groups.push({
      label: 'timer lateness p50 / p99',
      values: [
        { v: tm.all.p50, color: GAME },
        { v: tm.all.p99, color: GAME_LIGHT },
      ],
    });
  if (sim) groups.push({ label: 'simulated game p50', values: [{ v: sim.wallMs.p50, color: GAME }] });
  if (groups.length === 0) return (panel.message('not measured'), panel);
  const all = groups.flatMap((g) => g.values.map((v) => v.v)).filter((v) => Number.isFinite(v) && v > 0);
  const scale = panel.yAxis(Math.max(0.1, Math.min(...all) / 2), Math.max(...all, 2000) * 1.5, 'ms', true);
  bars(panel, groups, scale);
  panel.legend([
    [GAME, 'pecking-order'],
    [BASE, 'baseline'],
    [GAME_LIGHT, 'p99'],
  ]);
  panel.xLabel('targets: restore ≤ 1.5× baseline, timers p99 < 100 ms, simulation ≤ 100 ms');
  return panel;
}

export function renderChart(results: BenchResults): string {
  const half = { w: W / 2 - 10, h: (H - 40) / 2 - 10 };
  const panels = [
    latencyPanel(results, { x: 5, y: 35, ...half }),
    throughputPanel(results, { x: W / 2 + 5, y: 35, ...half }),
    persistencePanel(results, { x: 5, y: 35 + H / 2 - 15, ...half }),
    otherPanel(results, { x: W / 2 + 5, y: 35 + H / 2 - 15, ...half }),
  ];
  const m = results.machine;
  const header = `Pecking Order benchmarks — ${m.date.slice(0, 10)}, ${m.cpu}, ${m.cores} cores, node ${m.node}, workerd ${m.workerd}${results.mode === 'smoke' ? ' (SMOKE: sizes too small to mean anything)' : ''}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="10" y="22" font-size="14">${esc(header)}</text>`,
    ...panels.flatMap((p) => p.parts),
    '</svg>',
    '',
  ].join('\n');
}
