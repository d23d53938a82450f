/**
 * The designer in a real browser against the whole system (wrangler dev, Debian Chromium): open
 * pecking-order@1 as a draft, add a state and retarget a transition into it on the drawn chart,
 * simulate through the changed path, read the diff, replay a recorded game and see where it
 * diverges, export the draft and import a chart in Stately Studio's format, and reload to find the
 * draft kept. The history is recorded on the node side by the simulated room (the one host).
 * Screenshots land in test-results/screenshots/designer-*.png (`npm run screenshots`: docs/screenshots/).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { catalog } from '../machines/catalog';
import { defaultDayPlan } from '../machines/pecking-order/v1';
import { SimulatedRoom } from '../engine/testing/simulated-room';
import { InputHistory } from '../protocol';
import { launchBrowser } from './browser';
import { SHOTS } from './screenshots';

const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');
const VIEWPORT = { width: 1680, height: 1050 };
/** Files this test writes for the browser to load: under test-results, never tracked. */
const FILES = 'test-results/designer';

const draftChart = '[data-chart="draft"]';
const drawn = (id: string) => `${draftChart} [data-state-id="${id}"]`;
const activeState = (id: string) => `[data-chart="pecking-order@1"] [data-state-id="${id}"][data-active="true"]`;

/** A recorded game: five players, the host advancing by hand from pregame into day 1's social phase. */
function recordedHistory(): string {
  const room = new SimulatedRoom({
    version: catalog.get('pecking-order@1')!,
    init: {
      roster: ['Ada', 'Bram', 'Cleo', 'Dev', 'Edie'].map((name, i) => ({ playerId: `p${i + 1}`, name })),
      manifest: { preset: 'FAST', scheduling: 'ADMIN', days: defaultDayPlan(5) },
    },
    room: { roomId: 'recorded-room' },
  });
  room.sendAs('p1', 'chat.post', { text: 'hello' });
  room.admin('admin.advance'); // pregame → day 1 morning: the input the draft reroutes
  room.admin('admin.advance'); // → social
  const path = join(FILES, 'recorded-room-history.json');
  writeFileSync(path, JSON.stringify(room.history(), null, 2));
  return path;
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(FILES, { recursive: true });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the designer', () => {
  it('changes pecking-order@1, simulates, diffs, replays, exports, imports, and keeps the draft', async () => {
    await page.goto(`${baseUrl}/inspector/#designer`);
    await page.click('[data-action="open-draft"]');
    await page.waitForSelector(drawn('game.pregame'));
    expect(await page.textContent('[data-draft-base]')).toContain('pecking-order@1');
    expect(await page.locator('[data-diff-kind]').count()).toBe(0);

    // Add a state on the root: select the root on the drawing, name the state, add it.
    await page.locator(drawn('game')).locator('.state-key').first().click();
    await page.waitForSelector('[data-selected-state="(root)"]');
    await page.fill('input[aria-label="New state name"]', 'warmup');
    await page.click('[data-action="add-state"]');
    await page.waitForSelector(drawn('game.warmup'));
    expect(await page.getAttribute(drawn('game.warmup'), 'class')).toContain('diff-added');
    // It leads on to day 1 when the host advances.
    await page.locator(drawn('game.warmup')).locator('.state-key').click();
    await page.waitForSelector('[data-selected-state="warmup"]');
    await page.fill('input[aria-label="Event"]', 'admin.advance');
    await page.selectOption('select[aria-label="New transition target"]', '#game.day');
    await page.click('[data-action="add-transition"]');
    await page.waitForSelector(`${draftChart} [data-edge-source="game.warmup"][data-edge-target="game.day"]`);

    // Retarget pregame's advance into day 1: click its arrow, pick the new target.
    const arrow = page.locator(`${draftChart} [data-edge-source="game.pregame"][data-edge-target="game.day"]`);
    await arrow.locator('.edge-label').first().click();
    await page.waitForSelector('[data-selected-transition^="pregame on \\"admin.advance\\"#1"]');
    await page.selectOption('select[aria-label="Target"]', '#game.warmup');
    await page.waitForSelector(`${draftChart} [data-edge-source="game.pregame"][data-edge-target="game.warmup"].diff-changed`);
    expect(await page.locator(`${draftChart} [data-edge-source="game.pregame"][data-edge-target="game.day"]`).count()).toBe(0);

    // The diff lists the three changes.
    expect(await page.getAttribute('[data-diff-state="game.warmup"]', 'data-diff-kind')).toBe('added');
    expect(await page.getAttribute('[data-diff-transition="game.pregame on:admin.advance#1"]', 'data-diff-kind')).toBe('changed');
    expect(await page.getAttribute('[data-diff-transition="game.warmup on:admin.advance#0"]', 'data-diff-kind')).toBe('added');
    expect(await page.textContent('[data-diff-transition="game.pregame on:admin.advance#1"]')).toContain('#game.day ⇒ → #game.warmup');
    // The whole chart is too big to read: fold the compound states away, keeping the changed arrows.
    await page.click(`${draftChart} [data-chart-action="collapse-inactive"]`);
    await page.waitForSelector(`${drawn('game.day')}.collapsed`);
    await page.click(`${draftChart} [data-chart-action="fit"]`);
    await page.screenshot({ path: `${SHOTS}/designer-edit.png` });
    await page.click(`${draftChart} [data-chart-action="expand-all"]`);

    // Undo and redo step through the edits.
    await page.click('[data-action="undo"]');
    await page.waitForSelector(`${draftChart} [data-edge-source="game.pregame"][data-edge-target="game.day"]`);
    await page.click('[data-action="redo"]');
    await page.waitForSelector(`${draftChart} [data-edge-source="game.pregame"][data-edge-target="game.warmup"]`);

    // Simulate through the changed path: pregame → warmup → day 1, with the workbench's buttons.
    await page.click('[data-designer-tab="simulate"]');
    const input = page.locator('textarea[aria-label="Init payload"]');
    const payload = JSON.parse(await input.inputValue());
    payload.manifest.scheduling = 'ADMIN';
    await input.fill(JSON.stringify(payload, null, 2));
    await page.click('[data-action="start-simulation"]');
    await page.waitForSelector(activeState('game.pregame.heldForAdmin'));
    await page.click('[data-event="admin.advance"]');
    await page.waitForSelector(activeState('game.warmup'));
    await page.click('[data-chart="pecking-order@1"] [data-chart-action="active"]');
    await page.screenshot({ path: `${SHOTS}/designer-simulate.png` });
    await page.click('[data-event="admin.advance"]');
    await page.waitForSelector(activeState('game.day.phase.morning.heldForAdmin'));

    // Replay a recorded game on the draft: it diverges at the host's first advance.
    await page.click('[data-designer-tab="replay"]');
    await page.setInputFiles('[data-replay-input]', recordedHistory());
    const room = page.locator('[data-replay-room="recorded-room"]');
    await room.waitFor();
    expect(await room.getAttribute('data-replay')).toBe('diverges');
    // Input 1 (the chat) plays the same; input 2, the host's advance, goes to warmup on the draft.
    expect(await room.locator('[data-divergence-index]').getAttribute('data-divergence-index')).toBe('1');
    expect(await room.locator('[data-divergence-input]').textContent()).toContain('admin.advance');
    const values = await room.locator('[data-replay-value]').allTextContents();
    expect(values.join(' ')).toContain('warmup');
    await page.screenshot({ path: `${SHOTS}/designer-replay.png` });
    // A file that is not a history gets a clear error.
    const junk = join(FILES, 'not-a-history.json');
    writeFileSync(junk, '{"hello": 1}');
    await page.setInputFiles('[data-replay-input]', junk);
    await page.waitForSelector('[data-replay="error"]');
    expect(await page.textContent('[data-replay="error"]')).toContain('HISTORY_INVALID');

    // Export the draft; import a chart in Studio's format (a bare createMachine config).
    await page.click('[data-designer-tab="edit"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-chart"]')]);
    const studio = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(studio).toMatchObject({ id: 'game', states: { warmup: { on: { 'admin.advance': '#game.day' } } } });
    const [own] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-draft"]')]);
    expect(JSON.parse(readFileSync((await own.path())!, 'utf8'))).toMatchObject({
      format: 'pecking-order/chart-draft@1',
      base: 'pecking-order@1',
    });
    // A designer's Studio edit: a state with a guard name the version does not have.
    studio.states.epilogue = { on: { 'admin.advance': { target: 'gameOver', guard: 'everyoneHappy' } } };
    const studioFile = join(FILES, 'studio-chart.json');
    writeFileSync(studioFile, JSON.stringify(studio, null, 2));
    await page.setInputFiles('[data-import-input]', studioFile);
    await page.waitForSelector(drawn('game.epilogue'));
    await page.waitForSelector('[data-issue-kind="unknown-guard"][data-issue-state="game.epilogue"]');
    expect(await page.getAttribute(drawn('game.epilogue'), 'class')).toContain('has-issue');
    expect(await page.isDisabled('[data-action="export-bundle"]')).toBe(true);
    await page.click('[data-issue-state="game.epilogue"] button'); // the problem selects its state
    await page.waitForSelector('[data-selected-state="epilogue"]');
    await page.click(`${draftChart} [data-chart-action="collapse-inactive"]`);
    await page.click(`${draftChart} [data-chart-action="fit"]`);
    await page.screenshot({ path: `${SHOTS}/designer-import.png` });
    await page.click(`${draftChart} [data-chart-action="expand-all"]`);
    const badFile = join(FILES, 'not-a-chart.json');
    writeFileSync(badFile, '{"name": "not a chart"}');
    await page.setInputFiles('[data-import-input]', badFile);
    await page.locator('[data-notice="error"]', { hasText: 'DRAFT_NOT_A_CHART' }).waitFor(); // the file is read asynchronously
    await page.waitForSelector(drawn('game.epilogue')); // and the draft is left as it was
    await page.click('[data-action="undo"]'); // the Studio import is undone like any edit
    await page.waitForSelector(drawn('game.epilogue'), { state: 'detached' });

    // The bundle of the good draft downloads.
    const [bundle] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-bundle"]')]);
    expect(bundle.suggestedFilename()).toBe('pecking-order@2-bundle.json');
    const packed = JSON.parse(readFileSync((await bundle.path())!, 'utf8'));
    expect(packed).toMatchObject({ base: 'pecking-order@1', next: 'pecking-order@2' });

    // A reload finds the draft.
    await page.reload();
    await page.waitForSelector(drawn('game.warmup'));
    expect(await page.getAttribute('[data-diff-state="game.warmup"]', 'data-diff-kind')).toBe('added');
    // Corrupt storage gives a message, not a crash.
    await page.evaluate(() => (globalThis as any).localStorage.setItem('pecking-order:designer-draft@1', '{ broken'));
    await page.reload();
    await page.locator('[data-notice="error"]', { hasText: 'DRAFT_NOT_JSON' }).waitFor();
    await page.waitForSelector(drawn('game.pregame'));
  });

  it('exports a live room’s input history for an admin', async () => {
    const cast = ['Ada', 'Bram', 'Cleo', 'Dev', 'Edie'].map((name) => ({ name }));
    const created = await fetch(`${baseUrl}/api/games`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
      // A pecking-order@1 room, the designer's base here (the lobby's default is @2).
      body: JSON.stringify({
        machine: 'pecking-order@1',
        cast,
        manifest: { preset: 'TEST', scheduling: 'ADMIN', days: defaultDayPlan(cast.length) },
      }),
    });
    expect(created.status).toBe(201);
    const { roomId, host } = (await created.json()) as { roomId: string; host: string };
    const token = new URLSearchParams(host.split('#')[1] ?? '').get('token')!;
    const live = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
    try {
      // The credential the live view already uses, handed over in sessionStorage as the host view does.
      await live.goto(`${baseUrl}/inspector/#workbench`);
      await live.evaluate((c) => (globalThis as any).sessionStorage.setItem('pecking-order:inspector', JSON.stringify(c)), {
        roomId,
        token,
      });
      await live.goto(`${baseUrl}/inspector/`);
      await live.waitForSelector('[data-connection="open"]');
      // The room's endpoint (GET …/history) answers the admin with this room's history.
      const [download] = await Promise.all([live.waitForEvent('download'), live.click('[data-action="export-history"]')]);
      expect(download.suggestedFilename()).toBe(`${roomId}-history.json`);
      const history = InputHistory.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
      expect(history).toMatchObject({ room: roomId, machine: 'pecking-order@1' });
      expect(await live.locator('[data-history-problem]').count()).toBe(0);
    } finally {
      await live.close();
    }
  });
});
