/**
 * The group chat's reactions, replies and @mentions, and the host's dashboard, in a real browser
 * against the whole system (wrangler dev, see global-setup.ts). Games are created through the
 * lobby API; an ADMIN game keeps the chat and the vote deterministic, a PRE_SCHEDULED one shows
 * the dashboard's timer in words. Screenshots go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { SHOTS } from './screenshots';
import { DESKTOP, PHONE, see } from './page-helpers';

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
  host: string;
  players: { playerId: string; name: string; invite: string }[];
}

async function createGame(cast: string[], scheduling: 'ADMIN' | 'PRE_SCHEDULED', days: { voteType: string }[]): Promise<Game> {
  const response = await fetch(`${baseUrl}/api/games`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ cast: cast.map((name) => ({ name })), manifest: { preset: 'TEST', scheduling, days } }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Game;
}

async function open(url: string, device: object): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

const live = (page: Page) => page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 10_000 });
const tab = (page: Page, name: 'Today' | 'Chat' | 'DMs' | 'Cast') => page.getByRole('tab', { name }).click();
const groupChat = (page: Page) => page.locator('ol[aria-label="Group chat messages"]');
/** The group chat message (its list item) whose own text is `text`. */
const message = (page: Page, text: string) => groupChat(page).locator('li', { has: page.locator('p.text', { hasText: text }) });

async function post(page: Page, text: string): Promise<void> {
  await tab(page, 'Chat');
  await page.getByRole('textbox', { name: /the group/ }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

async function advance(host: Page, to: string): Promise<void> {
  await host.getByRole('button', { name: 'Advance to the next phase' }).click();
  await see(host.getByTestId('admin-outcome'), `The game is now at: ${to}.`);
}

describe('a group chat that feels alive, and the host dashboard', () => {
  it('reactions, a reply that quotes, a mention notice; the dashboard shows who voted (never whom) and offers only alive players', async () => {
    const game = await createGame(['Ana', 'Bo', 'Cy', 'Dee'], 'ADMIN', [
      { voteType: 'MAJORITY' },
      { voteType: 'MAJORITY' },
      { voteType: 'FINALS' },
    ]);
    const [ana, bo, cy] = await Promise.all(game.players.slice(0, 3).map((p) => open(`${baseUrl}${p.invite}`, PHONE)));
    for (const p of [ana!, bo!, cy!]) await live(p.page);
    const host = await open(`${baseUrl}${game.host}`, DESKTOP);
    await see(host.page.getByTestId('dashboard-stage'), 'Before day 1');
    await see(host.page.getByTestId('clock'), 'Nothing moves until you advance the game.');
    // Presence: the three who opened their links are online; Dee, who never did, is away.
    const presence = (name: string) =>
      host.page
        .locator('.cast-table tr')
        .filter({ has: host.page.getByRole('rowheader', { name, exact: true }) })
        .locator('td[data-presence]');
    for (const name of ['Ana', 'Bo', 'Cy']) await see(presence(name), 'Online');
    await see(presence('Dee'), 'Away');

    // A mention: Bo, on the Today tab, is told.
    await post(ana!.page, 'Hello @Bo, who is in?');
    await see(bo!.page.getByRole('status').filter({ hasText: 'mentioned you' }), 'Ana mentioned you: “Hello @Bo, who is in?”');
    await shot(bo!.page, 'chat-mention-notice');
    await bo!.page.getByRole('button', { name: 'Open the chat' }).click();
    await see(message(bo!.page, 'Hello @Bo'), 'Hello @Bo');

    // Reactions: Bo, then Ana, thumbs up; both see the count go to 2.
    await message(bo!.page, 'Hello @Bo').getByRole('button', { name: 'React', exact: true }).click();
    await message(bo!.page, 'Hello @Bo').getByRole('button', { name: 'React 👍' }).click();
    await see(message(ana!.page, 'Hello @Bo').locator('.reaction'), '👍 1');
    await message(ana!.page, 'Hello @Bo').getByRole('button', { name: /^👍 1/ }).click();
    for (const p of [ana!, bo!]) await see(message(p.page, 'Hello @Bo').locator('.reaction'), '👍 2');
    expect(await message(ana!.page, 'Hello @Bo').getByRole('button', { name: /^👍 2/, pressed: true }).count()).toBe(1);
    // Cy reacted to nothing: the count is there, not pressed.
    await tab(cy!.page, 'Chat');
    await see(message(cy!.page, 'Hello @Bo').locator('.reaction'), '👍 2');
    expect(await message(cy!.page, 'Hello @Bo').getByRole('button', { name: /^👍 2/, pressed: false }).count()).toBe(1);

    // A reply quotes the message it answers, for everyone.
    await message(bo!.page, 'Hello @Bo').getByRole('button', { name: 'Reply' }).click();
    await see(bo!.page.locator('.replying'), 'Replying to Ana: “Hello @Bo, who is in?”');
    await post(bo!.page, 'Me, obviously');
    // Ana reads her own words quoted as "You"; Cy, by name.
    await see(message(ana!.page, 'Me, obviously').locator('blockquote.quote'), 'You Hello @Bo, who is in?');
    await see(message(cy!.page, 'Me, obviously').locator('blockquote.quote'), 'Ana Hello @Bo, who is in?');
    expect(await bo!.page.locator('.replying').count()).toBe(0);
    // The host's copy of the chat shows the same count and quote.
    await see(message(host.page, 'Hello @Bo').locator('.reaction'), '👍 2');
    await see(message(host.page, 'Me, obviously').locator('blockquote.quote'), 'Ana Hello @Bo, who is in?');
    await shot(ana!.page, 'chat-reactions-and-reply');

    // The dashboard: chat counts, then the vote's progress without whom.
    await see(host.page.getByTestId('chat-activity'), 'Group chat: 2 messages · DMs: 0 messages in 0 conversations · 2 reactions');
    await advance(host.page, 'Day 1 · Morning');
    await advance(host.page, 'Day 1 · Social');
    await advance(host.page, 'Day 1 · Voting');
    await see(host.page.getByTestId('vote-progress'), 'Majority vote: 0 of 4 have voted');
    for (const p of [ana!, bo!]) {
      await tab(p.page, 'Today');
      await p.page.getByRole('button', { name: 'Vote out Cy', exact: true }).click();
      await p.page.getByRole('button', { name: 'Vote out Cy', exact: true, pressed: true }).waitFor({ timeout: 10_000 });
    }
    const progress = await see(host.page.getByTestId('vote-progress'), 'Majority vote: 2 of 4 have voted');
    expect(progress).toContain('Voted: Ana, Bo. Still to vote: Cy, Dee.');
    // Never whom: nothing on the host's page pairs a voter with a choice.
    const page = (await host.page.locator('main').textContent()) ?? '';
    expect(page).not.toMatch(/voted for|Vote out|→/);
    expect(page).not.toMatch(/xstate/i);
    await shot(host.page, 'host-dashboard-vote');

    // The night: Cy is out; the actions offer only the players still in.
    await advance(host.page, 'Day 1 · Results');
    await advance(host.page, 'Day 1 · Night');
    await see(host.page.getByTestId('nights'), 'Day 1, Majority vote: Cy went out.');
    await see(host.page.locator('tr[data-player="p3"]'), 'Out');
    const options = async (label: string) => host.page.getByLabel(label).locator('option').allTextContents();
    expect(await options('Put out')).toEqual(['Choose a player…', 'Ana', 'Bo', 'Dee']);
    expect(await options('Credit silver to')).toEqual(['Choose a player…', 'Ana', 'Bo', 'Dee']);

    // A debit says debit, and the host is told what it did.
    await host.page.getByLabel('Debit').check();
    await host.page.getByLabel('Debit silver from').selectOption({ label: 'Bo' });
    await host.page.getByLabel('Amount').fill('5');
    await host.page.getByRole('button', { name: 'Debit', exact: true }).click();
    await see(host.page.getByTestId('admin-outcome'), 'Debited 5 silver from Bo');
    await shot(host.page, 'host-dashboard-night');

    for (const p of [ana!, bo!, cy!, host]) expect(p.errors).toEqual([]);
  });

  it('tells the host when a phase ends, in words, and a bad host link shows only what to do', async () => {
    const game = await createGame(['Ana', 'Bo', 'Cy'], 'PRE_SCHEDULED', [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }]);
    const host = await open(`${baseUrl}${game.host}`, DESKTOP);
    const clock = host.page.getByTestId('clock');
    await see(clock, /^(Day 1 starts|The social phase opens|Voting opens|Voting closes|Night falls|The next day starts) in \d+:\d\d$/);
    await see(clock, /^Voting closes in 0:0\d$/, 30_000);
    await shot(host.page, 'host-dashboard-countdown');

    const refused = await open(`${baseUrl}/host#room=${game.roomId}&token=not-a-token`, DESKTOP);
    await see(refused.page.getByTestId('host-link-refused'), 'This host link was not accepted');
    await see(refused.page.getByTestId('host-link-refused'), 'Open the host link the lobby gave you');
    expect(await refused.page.getByRole('heading', { name: 'Host actions' }).count()).toBe(0);
    expect(await refused.page.getByTestId('dashboard').count()).toBe(0);
    await shot(refused.page, 'host-link-refused');
  });
});
