/**
 * pecking-order@2's confession booth, whispers and nudges in real browsers, three players against
 * the whole system (wrangler dev, see global-setup.ts): a confession read by another player under
 * a handle, a whisper seen as "whispered" by a third player and read by its addressee, and a nudge
 * told to its target. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { SHOTS } from './screenshots';
import { PHONE, see } from './page-helpers';

let browser: Browser;
const baseUrl = inject('baseUrl');
const lobbySecret = inject('lobbySecret');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Game {
  roomId: string;
  players: { playerId: string; name: string; invite: string }[];
}

async function createGame(): Promise<Game> {
  const response = await fetch(`${baseUrl}/api/games`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      machine: 'pecking-order@2',
      cast: ['Ana', 'Bo', 'Cy'].map((name) => ({ name })),
      manifest: {
        preset: 'TEST',
        scheduling: 'ADMIN',
        days: [{ voteType: 'MAJORITY', cartridges: ['CONFESSIONS', 'WHISPERS', 'NUDGES'] }, { voteType: 'FINALS' }],
      },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Game;
}

async function advance(roomId: string): Promise<void> {
  const response = await fetch(`${baseUrl}/parties/game-server/${roomId}/admin`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'admin.advance' }),
  });
  expect(response.status).toBe(200);
}

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

const live = (page: Page) => page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 10_000 });
const tab = (page: Page, name: 'Today' | 'Chat' | 'DMs' | 'Cast') => page.getByRole('tab', { name }).click();
const confessions = (page: Page) => page.locator('ol[aria-label="Confessions"]');
const groupChat = (page: Page) => page.locator('ol[aria-label="Group chat messages"]');

describe('the social cartridges in the player app', () => {
  it('a confession under a handle, a whisper only its addressee reads, a nudge told to its target', async () => {
    const game = await createGame();
    const [ana, bo, cy] = await Promise.all(game.players.map((p) => open(`${baseUrl}${p.invite}`)));
    for (const p of [ana!, bo!, cy!]) await live(p.page);
    await advance(game.roomId);
    for (const p of [ana!, bo!, cy!]) await tab(p.page, 'Chat');

    // Ana confesses; Bo reads it under a handle, and nothing in it names Ana.
    await see(ana!.page.locator('.confession-booth'), 'Post anonymously');
    await ana!.page.getByRole('textbox', { name: 'Confess anonymously' }).fill('I have never trusted Cy.');
    await ana!.page.getByRole('button', { name: 'Confess' }).click();
    const boSees = confessions(bo!.page).locator('li', { hasText: 'I have never trusted Cy.' });
    const handle = (await boSees.locator('.from').first().textContent({ timeout: 10_000 }))!.trim();
    expect(handle).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(await boSees.textContent()).not.toContain('Ana');
    await see(ana!.page.locator('.confession-booth'), `Today you confess as ${handle}.`);
    await see(confessions(ana!.page).locator('li.mine .from'), `${handle} (you)`);
    expect(await bo!.page.locator('.confession-booth').textContent()).not.toContain('Ana');

    // Ana whispers to Bo: Cy sees that she did, Bo reads it.
    await ana!.page.getByLabel('Send to').selectOption({ label: 'Whisper to Bo' });
    await ana!.page.getByRole('textbox', { name: 'Whisper to Bo' }).fill('Vote Cy with me');
    await ana!.page.getByRole('button', { name: 'Whisper', exact: true }).click();
    const cyWhisper = groupChat(cy!.page).locator('li.whisper');
    await see(cyWhisper, 'Ana whispered to Bo');
    expect(await cyWhisper.locator('p.text').count()).toBe(0);
    expect(await cy!.page.content()).not.toContain('Vote Cy with me');
    await see(groupChat(bo!.page).locator('li.whisper'), /Ana whispered to you.*Vote Cy with me/);
    await see(bo!.page.getByTestId('toast').filter({ hasText: 'whispered' }), 'Ana whispered: Vote Cy with me');
    await bo!.page.screenshot({ path: `${SHOTS}/social-whisper-and-confession.png`, fullPage: true, animations: 'disabled' });

    // Ana nudges Bo from the cast: Bo is told, Ana can nudge Bo no more today, Cy hears nothing.
    await tab(ana!.page, 'Cast');
    await ana!.page.getByRole('button', { name: 'Nudge Bo' }).click();
    await see(bo!.page.getByTestId('toast').filter({ hasText: 'nudged' }), 'Ana nudged you');
    await see(ana!.page.getByTestId('cast-p2'), 'Nudged');
    expect(await cy!.page.getByTestId('toast').filter({ hasText: 'nudged' }).count()).toBe(0);

    for (const p of [ana!, bo!, cy!]) expect(p.errors).toEqual([]);
  });
});
