/**
 * The inspector in a real browser against the whole system (wrangler dev, Debian Chromium):
 * live inspection of a room while a player acts over a real WebSocket and the host acts over HTTP,
 * with the latency from the act to the browser's DOM measured; time travel, timers, admin events and
 * the Stately hand-off; then the workbench stepping pecking-order@1 through a vote with no server.
 * Screenshots land in test-results/screenshots/inspector-*.png (`npm run screenshots`: docs/screenshots/).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultDayPlan } from '../machines/pecking-order/v1';
import { launchBrowser } from './browser';
import { SHOTS } from './screenshots';

const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');
const VIEWPORT = { width: 1680, height: 1050 };

interface Game {
  roomId: string;
  admin: string;
  players: Record<string, string>;
}

const fragmentToken = (link: string) => new URLSearchParams(link.split('#')[1] ?? '').get('token')!;

async function createGame(manifest: { preset: string; scheduling: string }): Promise<Game> {
  const cast = ['Ada', 'Bram', 'Cleo', 'Dev', 'Edie'].map((name) => ({ name }));
  const response = await fetch(`${baseUrl}/api/games`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
    // pecking-order@1 rooms, whose chart these tests know (the lobby's default is @2).
    body: JSON.stringify({ machine: 'pecking-order@1', cast, manifest: { ...manifest, days: defaultDayPlan(cast.length) } }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { roomId: string; host: string; players: { playerId: string; invite: string }[] };
  return {
    roomId: body.roomId,
    admin: fragmentToken(body.host),
    players: Object.fromEntries(body.players.map((p) => [p.playerId, fragmentToken(p.invite)])),
  };
}

/** A player's socket: resolves frames by predicate. */
async function playerSocket(game: Game, playerId: string) {
  const frames: any[] = [];
  const waiters: { match: (f: any) => boolean; resolve: (f: any) => void }[] = [];
  const url = `${baseUrl.replace('http', 'ws')}/parties/game-server/${game.roomId}?token=${encodeURIComponent(game.players[playerId]!)}`;
  const socket = new WebSocket(url);
  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data));
    frames.push(frame);
    for (const w of [...waiters]) if (w.match(frame)) waiters.splice(waiters.indexOf(w), 1), w.resolve(frame);
  });
  const next = (match: (f: any) => boolean) =>
    new Promise<any>((resolve, reject) => {
      const seen = frames.find(match);
      if (seen) return resolve(seen);
      waiters.push({ match, resolve });
      setTimeout(() => reject(new Error(`no matching frame; got ${JSON.stringify(frames.map((f) => f.type))}`)), 10_000);
    });
  await next((f) => f.type === 'welcome');
  return { socket, next, send: (frame: unknown) => socket.send(JSON.stringify(frame)) };
}

const admin = (game: Game, event: unknown) =>
  fetch(`${baseUrl}/parties/game-server/${game.roomId}/admin`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${game.admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(event),
  });

const state = (id: string, chart?: string) => `${chart ? `[data-chart="${chart}"] ` : ''}[data-state-id="${id}"]`;
const activeState = (id: string, chart?: string) => `${state(id, chart)}[data-active="true"]`;
const logRow = (type: string) => `.log tr[data-event-type="${type}"]`;

/** Opens the inspector, enters the room and admin token by hand; returns ms until the chart is drawn. */
async function openInspector(page: Page, game: Game): Promise<number> {
  await page.goto(`${baseUrl}/inspector/`);
  await page.fill('input[name="roomId"]', game.roomId);
  await page.fill('input[name="token"]', game.admin);
  expect(await page.getAttribute('input[name="token"]', 'type')).toBe('password');
  const start = Date.now();
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-connection="open"]');
  await page.waitForSelector('[data-chart="pecking-order@1"] [data-state-id="game"]');
  const drawn = Date.now() - start;
  // The credential went in the first frame, not the URL: nothing of it is in the address bar.
  expect(page.url()).toBe(`${baseUrl}/inspector/`);
  return drawn;
}

/** Milliseconds from `act` until every selector is in the DOM. */
/**
 * How long until the page shows what `act` caused (logged, not asserted: latency is the benchmark's
 * to measure, and a loaded machine must not fail a test). It must show within the wait's bound.
 */
async function timeUntil(page: Page, act: () => unknown, selectors: string[]): Promise<number> {
  const start = Date.now();
  await act();
  await Promise.all(selectors.map((s) => page.waitForSelector(s, { timeout: 5_000 })));
  return Date.now() - start;
}

let browser: Browser;
let contexts: BrowserContext[] = [];
/** A fresh page in its own context (own sessionStorage), closed after the test. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});
afterAll(async () => {
  await browser?.close();
});

describe('live inspection', () => {
  it('shows a player chat and a phase change live, and travels back in time', async () => {
    const game = await createGame({ preset: 'TEST', scheduling: 'ADMIN' });
    const page = await newPage();
    const drawnMs = await openInspector(page, game);
    await page.waitForSelector(activeState('game.pregame.heldForAdmin'));
    expect(await page.textContent('[data-field="machine"]')).toContain('pecking-order@1');

    // A player posts to the pregame chat over a real socket: the transition reaches the log.
    const ada = await playerSocket(game, 'p1');
    const chatMs = await timeUntil(page, () => ada.send({ type: 'send', ref: 'x', event: { type: 'chat.post', text: 'hello' } }), [
      logRow('chat.post'),
    ]);
    await ada.next((f) => f.type === 'ack' && f.ref === 'x');
    const chatRow = page.locator(logRow('chat.post'));
    expect(await chatRow.locator('td').nth(4).textContent()).toBe('p1');
    expect(await chatRow.locator('.values').textContent()).toBe('stays in pregame.heldForAdmin');

    // The host moves the game on: the log shows it and the chart lights the new phase.
    const advanceMs = await timeUntil(page, () => admin(game, { type: 'admin.advance' }), [
      logRow('admin.advance'),
      activeState('game.day.phase.morning.heldForAdmin'),
    ]);
    expect(await page.getAttribute(state('game.pregame'), 'data-active')).toBe('false');
    expect(await page.getAttribute(activeState('game.day.groupChat.open'), 'data-active')).toBe('true');
    const advanceRow = page.locator(logRow('admin.advance')).first();
    expect(await advanceRow.locator('td').nth(4).textContent()).toBe('admin');
    expect(await advanceRow.locator('.from').textContent()).toBe('pregame.heldForAdmin');
    expect(await advanceRow.locator('.to').textContent()).toBe(
      'day.phase.morning.heldForAdmin, day.groupChat.open, day.dms.waiting, day.transfers.open, day.activity.waiting, day.vote.waiting',
    );
    // The context diff of that transition: day 0 → 1.
    expect(await page.textContent('.context .diff [data-path="day"]')).toMatch(/day\s*0\s*→\s*1/);
    console.log(
      `inspector: first chart drawn ${drawnMs} ms after Connect; chat.post → log row ${chatMs} ms; ` +
        `admin.advance → log row and lit chart ${advanceMs} ms`,
    );

    // Into the vote: the vote child runs and a player's ballot shows on its chart and in the log.
    await admin(game, { type: 'admin.advance' }); // social
    const voteMs = await timeUntil(page, () => admin(game, { type: 'admin.advance' }), [
      activeState('game.day.vote.open'),
      '[data-child-src="vote"].running',
      activeState('vote.balloting', 'vote'),
    ]);
    console.log(`inspector: admin.advance into the vote → the vote child on the chart ${voteMs} ms`);
    const bram = await playerSocket(game, 'p2');
    bram.send({ type: 'send', ref: 'b', event: { type: 'vote.cast', target: 'p5' } });
    await bram.next((f) => f.type === 'ack' && f.ref === 'b');
    const ballotRow = page.locator('.log tr[data-actor="root/vote"][data-event-type="vote.cast"]');
    await ballotRow.waitFor();
    expect(await ballotRow.locator('td').nth(4).textContent()).toBe('root');
    await page.click('[data-chart="pecking-order@1"] [data-chart-action="active"]');
    await page.screenshot({ path: `${SHOTS}/inspector-live.png` });

    // Time travel: the chat row shows the room as it was in pregame; Live comes back.
    await chatRow.click();
    await page.waitForSelector('[data-mode="past"]');
    await page.waitForSelector(activeState('game.pregame.heldForAdmin'));
    expect(await page.getAttribute(state('game.day'), 'data-active')).toBe('false');
    expect(await page.getAttribute('[data-child-src="vote"]', 'class')).not.toContain('running');
    expect(await page.textContent('.context .panel-header')).toContain('chat.post');
    await page.screenshot({ path: `${SHOTS}/inspector-time-travel.png` });
    await page.click('.time-travel button');
    await page.waitForSelector('[data-mode="live"]');
    await page.waitForSelector(activeState('game.day.vote.open'));

    // Filtering the log by event type.
    await page.selectOption('select[aria-label="Filter by event type"]', 'vote.cast');
    // The root received the ballot and forwarded it to the vote child: one transition each.
    const actors = await page.locator('.log tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor')));
    expect(actors.sort()).toEqual(['root', 'root/vote']);
    await page.selectOption('select[aria-label="Filter by event type"]', '');

    // An admin event from the panel, and a refusal with the room's answer.
    await page.selectOption('select[aria-label="Admin event type"]', 'admin.credit');
    await page.fill('textarea[aria-label="Admin event payload"]', '{ "playerId": "p1", "amount": 0 }');
    await page.click('.admin button');
    expect(await page.textContent('[data-admin-answer="400"]')).toContain('INVALID_EVENT');
    await page.fill('textarea[aria-label="Admin event payload"]', '{ "playerId": "p1", "amount": 5 }');
    await page.click('.admin button');
    expect(await page.textContent('[data-admin-answer="200"]')).toContain('"accepted": true');
    await page.waitForSelector(logRow('admin.credit'));
    ada.socket.close();
    bram.socket.close();
  });

  it('counts down durable timers and fires one by hand (DEV_TOOLS=1)', async () => {
    const game = await createGame({ preset: 'DEFAULT', scheduling: 'PRE_SCHEDULED' });
    const page = await newPage();
    await openInspector(page, game);
    await page.waitForSelector(activeState('game.pregame.scheduled'));
    const timer = page.locator('[data-timer-event="xstate.after.pregameEnds.game.pregame.scheduled"]');
    const first = await timer.locator('.countdown').textContent();
    expect(first).toMatch(/^in \d+ h \d+ min$|^in \d+ min \d+ s$/);
    // The pregame delay is labelled on the chart with its ms, read from the room's context.
    expect(await page.textContent('[data-edge-source="game.pregame.scheduled"] .edge-delay')).toMatch(/^= \d+ h/);
    const fire = timer.locator('button', { hasText: 'Fire now' });
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('[data-dev-tools="disabled"]'));
    expect(await fire.isEnabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/inspector-timers.png` });
    const fireMs = await timeUntil(page, () => fire.click(), [
      '[data-fire-answer="200"]',
      activeState('game.day.phase.morning.scheduled'),
      '.log tr[data-event-type="xstate.after.pregameEnds.game.pregame.scheduled"]',
    ]);
    console.log(`inspector: fire now → the delivered timer in the log and on the chart ${fireMs} ms`);
    expect(await page.textContent('.log tr[data-event-type^="xstate.after.pregameEnds"] td:nth-child(5)')).toBe('timer');
    await page.waitForSelector('[data-timer-event="xstate.after.morningEnds.game.day.phase.morning.scheduled"]');
  });

  it('takes credentials handed over in sessionStorage or by the opening page, never from the URL', async () => {
    const game = await createGame({ preset: 'TEST', scheduling: 'ADMIN' });
    const page = await newPage();
    // A same-origin page (e.g. the host view) leaves them in this tab's sessionStorage, then navigates here.
    await page.goto(`${baseUrl}/inspector/#workbench`);
    await page.evaluate(
      ({ roomId, token }) => {
        (globalThis as any).sessionStorage.setItem('pecking-order:inspector', JSON.stringify({ roomId, token }));
      },
      { roomId: game.roomId, token: game.admin },
    );
    await page.goto(`${baseUrl}/inspector/`);
    await page.waitForSelector('[data-connection="open"]');
    await page.waitForSelector(activeState('game.pregame.heldForAdmin'));

    // An opener posts them once the inspector says it is ready.
    const opener = await newPage();
    await opener.goto(`${baseUrl}/inspector/#workbench`);
    const [popup] = await Promise.all([
      opener.context().waitForEvent('page'),
      opener.evaluate(
        ({ roomId, token }) => {
          const w = globalThis as any;
          const child = w.open('/inspector/');
          w.addEventListener('message', (e: any) => {
            if (e.source === child && e.data?.type === 'inspector.ready')
              child.postMessage({ type: 'inspector.connect', roomId, token }, w.location.origin);
          });
        },
        { roomId: game.roomId, token: game.admin },
      ),
    ]);
    await popup.waitForSelector('[data-connection="open"]', { timeout: 10_000 });
    await popup.waitForSelector(activeState('game.pregame.heldForAdmin'));
    expect(popup.url()).toBe(`${baseUrl}/inspector/`);
  });

  it('refuses a wrong token with the close code’s explanation', async () => {
    const game = await createGame({ preset: 'TEST', scheduling: 'ADMIN' });
    const page = await newPage();
    await page.goto(`${baseUrl}/inspector/`);
    await page.fill('input[name="roomId"]', game.roomId);
    await page.fill('input[name="token"]', game.players.p1!);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-refusal="TOKEN_INVALID"]');
    expect(await page.textContent('[data-refusal]')).toContain('4002');
  });

  it('hands the stream to the Stately inspector window in @statelyai/inspect shapes', async () => {
    const game = await createGame({ preset: 'TEST', scheduling: 'ADMIN' });
    const context = await browser.newContext({ viewport: VIEWPORT });
    contexts.push(context);
    // No network here: a stand-in for stately.ai/inspect that connects and keeps what it is sent.
    await context.route('https://stately.ai/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));
          window.opener.postMessage({ type: '@statelyai.connected' }, '*');</script>`,
      }),
    );
    const page = await context.newPage();
    await openInspector(page, game);
    await page.waitForSelector(activeState('game.pregame.heldForAdmin'));
    const [stately] = await Promise.all([context.waitForEvent('page'), page.click('text=Open in Stately inspector')]);
    await stately.waitForFunction(() => (globalThis as any).got?.some((e: any) => e.type === '@xstate.snapshot'));
    await admin(game, { type: 'admin.advance' });
    await stately.waitForFunction(() =>
      (globalThis as any).got.some((e: any) => e.type === '@xstate.event' && e.event?.type === 'admin.advance'),
    );
    const got: any[] = await stately.evaluate(() => (globalThis as any).got);
    expect(got.find((e) => e.type === '@xstate.actor' && e.sessionId === 'root')).toMatchObject({ rootId: 'root', _version: '0.7.2' });
    expect(got.filter((e) => e.type === '@xstate.snapshot' && e.sessionId === 'root').at(-1).snapshot.value).toMatchObject({ day: {} });
  });

  it('says so in the app when the Stately inspector cannot be reached', async () => {
    const game = await createGame({ preset: 'TEST', scheduling: 'ADMIN' });
    const context = await browser.newContext({ viewport: VIEWPORT });
    contexts.push(context);
    // As without a network: every request to stately.ai fails.
    await context.route('https://stately.ai/**', (route) => route.abort('internetdisconnected'));
    const page = await context.newPage();
    await openInspector(page, game);
    await page.waitForSelector(activeState('game.pregame.heldForAdmin'));
    await Promise.all([context.waitForEvent('page'), page.click('text=Open in Stately inspector')]);
    await page.waitForSelector('[data-stately-problem]', { timeout: 10_000 });
    expect(await page.textContent('[data-stately-problem]')).toContain('cannot be reached');
  });
});

describe('the workbench', () => {
  it('steps pecking-order@1 through a vote by clicking events, with no server', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/inspector/#workbench`);
    const input = page.locator('textarea[aria-label="Init payload"]');
    const payload = JSON.parse(await input.inputValue());
    expect(payload.roster).toHaveLength(5);
    payload.manifest.scheduling = 'ADMIN';
    await input.fill(JSON.stringify(payload, null, 2));
    await page.screenshot({ path: `${SHOTS}/inspector-workbench-input.png` });
    await page.click('[data-action="start-simulation"]');
    await page.waitForSelector(activeState('game.pregame.heldForAdmin'));

    const click = async (type: string) => page.click(`[data-event="${type}"]`);
    await click('admin.advance');
    await page.waitForSelector(activeState('game.day.phase.morning.heldForAdmin'));
    await click('admin.advance');
    await page.waitForSelector(activeState('game.day.phase.social.heldForAdmin'));
    await click('admin.advance');
    await page.waitForSelector(activeState('game.day.phase.voting.ballot.heldForAdmin'));
    await page.waitForSelector(activeState('vote.balloting', 'vote'));
    expect(await page.isEnabled('[data-event="vote.cast"]')).toBe(true);

    const ballot = async (sender: string, target: string) => {
      await click('vote.cast');
      await page.selectOption('select[aria-label="Sender"]', sender);
      await page.fill('textarea[aria-label="Event payload"]', JSON.stringify({ target }));
      await page.click('[data-send-event="vote.cast"]');
      return page.getAttribute('[data-outcome]', 'data-outcome');
    };
    for (const voter of ['p1', 'p2', 'p3', 'p4']) expect(await ballot(voter, 'p5')).toBe('accepted');
    expect(await ballot('p5', 'p9')).toBe('refused');
    expect(await page.textContent('[data-outcome]')).toContain('refused');
    // The refused ballot changed nothing, so it is no transition (as in a room): four in the log.
    expect(await page.locator('.log tr[data-actor="root/vote"][data-event-type="vote.cast"]').count()).toBe(4);
    expect(await page.locator('[data-effect="room.refuse"]').count()).toBe(1);

    await click('admin.advance'); // results: the vote closes, the child decides, the day reveals it
    await page.waitForSelector(activeState('game.day.vote.revealed'));
    await page.waitForSelector('[data-effect="room.journal"][data-kind="vote.revealed"]');
    expect(await page.textContent('[data-kind="vote.revealed"]')).toContain('"out":"p5"');
    expect(await page.textContent('.context .diff [data-path="history[0].out"]')).toBe('history[0].out + "p5"');
    await page.click('[data-chart="pecking-order@1"] [data-chart-action="active"]');
    await page.screenshot({ path: `${SHOTS}/inspector-workbench-vote.png` });

    // The definition downloads as JSON.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-definition"]')]);
    expect(download.suggestedFilename()).toBe('pecking-order@1.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ machine: 'pecking-order@1', root: { id: 'game' }, children: { vote: { id: 'vote' } } });
  });

  it('moves simulated time to the next timer, and shows the whole chart', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/inspector/#workbench`);
    await page.click('[data-action="start-simulation"]'); // the sample: FAST preset, timers on
    await page.waitForSelector(activeState('game.pregame.scheduled'));
    const before = Number(await page.getAttribute('[data-sim-now]', 'data-sim-now'));
    const due = Number(await page.getAttribute('[data-timer-event^="xstate.after.pregameEnds"] [data-due-at]', 'data-due-at'));
    expect(due).toBeGreaterThan(before);
    await page.click('[data-action="next-timer"]');
    await page.waitForSelector(activeState('game.day.phase.morning.scheduled'));
    expect(Number(await page.getAttribute('[data-sim-now]', 'data-sim-now'))).toBe(due);
    expect(await page.textContent('[data-edge-source="game.day.phase.morning.scheduled"] .edge-delay')).toBe('= 10 s');
    await page.click('[data-chart="pecking-order@1"] [data-chart-action="fit"]');
    await page.screenshot({ path: `${SHOTS}/inspector-chart-overview.png` });
    // A big chart reads better with what is not happening folded away.
    await page.click('[data-chart="pecking-order@1"] [data-chart-action="collapse-inactive"]');
    await page.waitForSelector('[data-state-id="game.finale"].collapsed');
    expect(await page.locator('[data-state-id="game.finale.phase"]').count()).toBe(0);
    expect(await page.locator('[data-state-id="game.pregame.starting"]').count()).toBe(0);
    await page.waitForSelector(activeState('game.day.phase.morning.scheduled'));
    await page.click('[data-chart="pecking-order@1"] [data-chart-action="fit"]');
    await page.screenshot({ path: `${SHOTS}/inspector-chart-collapsed.png` });
    await page.click('[data-chart="pecking-order@1"] [data-chart-action="expand-all"]');
    await page.waitForSelector(state('game.finale.phase'));
  });
});
