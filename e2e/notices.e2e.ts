/**
 * Notices and presence in a real browser against the whole system (wrangler dev, see
 * global-setup.ts): a phase change and a DM show a toast and a badge on their tab, the page title
 * carries the unread count, the "Get notified" card appears after the first notice, and the cast
 * shows who is online, then no longer once they leave. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { SHOTS } from './screenshots';
import { PHONE, see } from './page-helpers';

const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function until(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

describe('notices and presence', () => {
  it('shows a toast, a tab badge and a title count for a phase change and a DM, and who is online', async () => {
    const response = await fetch(`${baseUrl}/api/games`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        cast: [{ name: 'Ana' }, { name: 'Bo' }, { name: 'Cy' }],
        manifest: { preset: 'TEST', scheduling: 'ADMIN', days: [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }] },
      }),
    });
    expect(response.status).toBe(201);
    const game = (await response.json()) as { roomId: string; players: { playerId: string; invite: string }[] };
    const advance = async () => {
      const answer = await fetch(`${baseUrl}/parties/game-server/${game.roomId}/admin`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'admin.advance' }),
      });
      expect(answer.status).toBe(200);
    };
    const open = async (index: number) => {
      // Headless Chromium denies notifications unless told otherwise; a phone would ask.
      const context = await browser.newContext({ ...PHONE, permissions: ['notifications'] });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl}${game.players[index]!.invite}`);
      await page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 10_000 });
      return { context, page, errors };
    };
    const ana = await open(0);
    const bo = await open(1);
    const [anaId, boId] = [game.players[0]!.playerId, game.players[1]!.playerId];

    // Presence: Ana's cast shows both online, Cy (never connected) not.
    await ana.page.getByRole('tab', { name: /^Cast/ }).click();
    await ana.page.getByTestId(`cast-${boId}`).getByTestId('online').waitFor({ timeout: 10_000 });
    expect(await ana.page.getByTestId(`cast-${anaId}`).getByTestId('online').count()).toBe(1);
    expect(await ana.page.getByTestId(`cast-${game.players[2]!.playerId}`).getByTestId('online').count()).toBe(0);
    expect(await ana.page.title()).toBe('Pecking Order');

    // A phase change while Ana looks at the cast: a toast, a badge on Today, the count in the title.
    await advance(); // pregame → morning
    await see(ana.page.getByTestId('toast'), 'Day 1: Morning');
    await see(ana.page.getByRole('tab', { name: /^Today/ }).locator('.unread'), '1');
    await until('the title count', async () => (await ana.page.title()) === '(1) Pecking Order');
    await ana.page.getByTestId('push-offer').waitFor({ timeout: 10_000 });
    await shot(ana.page, 'notice-phase');

    // Opening Today reads it.
    await ana.page.getByRole('tab', { name: /^Today/ }).click();
    await until(
      'the badge to clear',
      async () =>
        (await ana.page
          .getByRole('tab', { name: /^Today/ })
          .locator('.unread')
          .count()) === 0,
    );
    await until('the title to clear', async () => (await ana.page.title()) === 'Pecking Order');

    // DMs open; Bo writes to Ana while she is on Today.
    await advance(); // morning → social
    await see(ana.page.getByTestId('toast'), 'DMs are open');
    await bo.page.getByRole('tab', { name: /^DMs/ }).click();
    await bo.page.getByLabel('New conversation with').selectOption({ label: 'Ana' });
    await bo.page.getByLabel('Message Ana').fill('Meet me after the vote');
    await bo.page.getByRole('button', { name: 'Send' }).click();
    await see(ana.page.getByTestId('toast'), 'DM from Bo: Meet me after the vote');
    await see(ana.page.getByRole('tab', { name: /^DMs/ }).locator('.unread'), '1');
    await until('the title count for the DM', async () => /^\(\d+\) Pecking Order$/.test(await ana.page.title()));
    await shot(ana.page, 'notice-dm');

    // Bo leaves: Ana's cast no longer shows him online.
    await bo.context.close();
    await ana.page.getByRole('tab', { name: /^Cast/ }).click();
    await until('Bo to go offline', async () => (await ana.page.getByTestId(`cast-${boId}`).getByTestId('online').count()) === 0);
    expect(await ana.page.getByTestId(`cast-${anaId}`).getByTestId('online').count()).toBe(1);
    await shot(ana.page, 'presence');
    expect([...ana.errors, ...bo.errors]).toEqual([]);
    await ana.context.close();
  });
});
