/**
 * The player client, the lobby and the host view in a real browser against the whole system
 * (wrangler dev, see global-setup.ts). A host creates a 5-player TEST game in the lobby, five
 * phones play it to a winner while the host advances each phase (ADMIN scheduling keeps it
 * deterministic), one player reloads mid-game; a PRE_SCHEDULED game shows a live countdown.
 * Screenshots of the key screens go to test-results/screenshots/ (`npm run screenshots`: docs/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { SHOTS } from './screenshots';
import { DESKTOP, PHONE, see } from './page-helpers';

const CAST = [
  { name: 'Ana', bio: 'Former pageant queen. Plays nice until she does not.' },
  { name: 'Bo', bio: 'Ex-marine, terrible liar.' },
  { name: 'Cy', bio: '' },
  { name: 'Dee', bio: 'Knows everyone’s secrets.' },
  { name: 'Eli', bio: '' },
];

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

async function shot(page: Page, name: string): Promise<void> {
  // Full-page shots of a scrolled page would show the sticky header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

interface Player {
  name: string;
  page: Page;
  context: BrowserContext;
  errors: string[];
}

/** Lets a test drop a page's sockets the way a network failure would (the page cannot tell). */
const TRACK_SOCKETS = `
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__sockets.push(this); }
  };
`;

async function openAsPlayer(name: string, invite: string, beforeOpening?: (page: Page) => void): Promise<Player> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(TRACK_SOCKETS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  beforeOpening?.(page);
  await page.goto(invite);
  return { name, page, context, errors };
}

const tab = (player: Player, name: 'Today' | 'Chat' | 'DMs' | 'Cast') => player.page.getByRole('tab', { name }).click();
const groupChat = (player: Player) => player.page.locator('ol[aria-label="Group chat messages"]');
const live = (player: Player) => player.page.getByRole('status', { name: 'Connection: Live' }).waitFor({ timeout: 10_000 });

async function chat(player: Player, text: string, everyone: Player[]): Promise<void> {
  await tab(player, 'Chat');
  await player.page.getByLabel('Message the group').fill(text);
  await player.page.getByRole('button', { name: 'Send' }).click();
  for (const other of everyone) await see(groupChat(other), text);
}

async function dm(from: Player, to: Player, text: string): Promise<void> {
  await tab(from, 'DMs');
  const chip = from.page.getByRole('button', { name: new RegExp(`^${to.name}( \\d+ unread)?$`) });
  if (await chip.count()) await chip.click();
  else await from.page.getByLabel('New conversation with').selectOption({ label: to.name });
  await from.page.getByLabel(`Message ${to.name}`).fill(text);
  await from.page.getByRole('button', { name: 'Send' }).click();
  await tab(to, 'DMs');
  await to.page.getByRole('button', { name: new RegExp(`^${from.name}( \\d+ unread)?$`) }).click();
  await see(to.page.locator(`ol[aria-label="Conversation with ${from.name}"]`), text);
}

async function give(from: Player, to: string, amount: number): Promise<void> {
  await tab(from, 'Cast');
  await from.page.getByLabel('To', { exact: true }).selectOption({ label: to });
  await from.page.getByLabel('Amount').fill(String(amount));
  await from.page.getByRole('button', { name: 'Give' }).click();
}

async function vote(player: Player, button: string): Promise<void> {
  await tab(player, 'Today');
  await player.page.getByRole('button', { name: button, exact: true }).click();
  await player.page.getByRole('button', { name: button, exact: true, pressed: true }).waitFor({ timeout: 10_000 });
}

describe('the player client in a real browser', () => {
  it('plays a 5-player ADMIN game from the lobby to a winner on five phones', async () => {
    // The lobby, on a desktop: first a game the room refuses, with every reason next to its field.
    const lobbyContext = await browser.newContext(DESKTOP);
    const lobby = await lobbyContext.newPage();
    await lobby.goto(`${baseUrl}/`);
    await lobby.getByLabel('Lobby secret').fill(lobbySecret);
    const wrongNames = ['Ana', 'Bo', '', 'Ana', 'Eli'];
    for (const [i, name] of wrongNames.entries()) await lobby.getByLabel(`Player ${i + 1} name`).fill(name);
    // Impossible plan choices are off before anything is sent, each with its reason beside it.
    const dayOne = lobby.getByLabel('Day 1 vote');
    expect(await dayOne.locator('option[value="FINALS"]').isDisabled()).toBe(true);
    expect(await dayOne.locator('option[value="BUBBLE"]').isDisabled()).toBe(true);
    expect(await dayOne.locator('option[value="MAJORITY"]').isDisabled()).toBe(false);
    await see(lobby.getByTestId('ruled-out-0'), 'Bubble');
    expect(await lobby.getByTestId('ruled-out-0').textContent()).toContain("Day 1's BUBBLE vote needs 6 players alive");
    expect(await lobby.getByLabel('Day 4 player pick activity').isDisabled()).toBe(true);
    await see(lobby.getByTestId('no-pick-3'), 'Day 4 is the FINALS: it has no activity');
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    const failure = lobby.getByTestId('lobby-failure');
    await see(failure, 'Fix the fields marked below');
    expect(await failure.locator('li').count()).toBe(2);
    expect(await lobby.locator('#issue-cast-2-name').textContent()).toBe('Every player needs a display name.');
    expect(await lobby.locator('#issue-cast-3-name').textContent()).toContain('"Ana" appears twice');
    expect(await lobby.getByLabel('Player 3 name').getAttribute('aria-invalid')).toBe('true');
    await shot(lobby, 'lobby-errors');

    // A wrong secret is explained in words.
    await lobby.getByLabel('Lobby secret').fill('not-the-secret');
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    await see(failure, 'The lobby secret was not accepted');

    // Then a valid game: TEST pace, the host advances, day 3 changed to a MAJORITY so everyone votes daily.
    await lobby.getByLabel('Lobby secret').fill(lobbySecret);
    for (const [i, member] of CAST.entries()) {
      await lobby.getByLabel(`Player ${i + 1} name`).fill(member.name);
      await lobby.getByLabel(`Player ${i + 1} bio (optional)`).fill(member.bio);
    }
    await lobby.getByRole('button', { name: 'Use the default plan for 5 players' }).click();
    expect(await lobby.getByLabel('Day 1 vote').inputValue()).toBe('MAJORITY');
    expect(await lobby.getByLabel('Day 2 vote').inputValue()).toBe('SHIELD');
    expect(await lobby.getByLabel('Day 4 vote').inputValue()).toBe('FINALS');
    expect(await lobby.getByLabel('Day 1 player pick activity').isChecked()).toBe(true);
    await lobby.getByLabel('Day 3 vote').selectOption('MAJORITY');
    await lobby.getByLabel('Pace (preset)').selectOption('TEST');
    await lobby.getByLabel(/The host \(ADMIN\)/).check();
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    const links = lobby.getByTestId('invite-link');
    await links.first().waitFor();
    expect(await links.count()).toBe(5);
    const invites = await Promise.all((await links.all()).map((link) => link.inputValue()));
    for (const invite of invites) expect(invite).toMatch(new RegExp(`^${baseUrl}/play#room=[a-z0-9]+&token=`));
    await see(lobby.getByTestId('game-start'), 'The game starts when you advance it from the host view.');
    const hostLink = await lobby.getByTestId('host-link').inputValue();
    expect(hostLink).toMatch(new RegExp(`^${baseUrl}/host#room=[a-z0-9]+&token=`));
    expect(await lobby.getByRole('button', { name: /^Copy / }).count()).toBe(6);
    await lobbyContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await lobby.getByRole('button', { name: "Copy Ana's invite link" }).click();
    await see(lobby.getByRole('button', { name: "Copy Ana's invite link" }), 'Copied');
    expect(await lobby.evaluate('navigator.clipboard.readText()')).toBe(invites[0]);
    expect(await lobby.evaluate(() => JSON.stringify(localStorage))).not.toContain(lobbySecret);
    await shot(lobby, 'lobby-links');
    const roomId = new URLSearchParams(hostLink.split('#')[1]).get('room')!;

    // The host view, from the host link: the fragment leaves the address bar at once.
    const host = await lobbyContext.newPage();
    await host.goto(hostLink);
    expect(new URL(host.url()).hash).toBe('');
    await see(host.getByTestId('status'), 'Running');
    await see(host.getByTestId('stage'), 'pregame');

    // Five phones open their invites.
    const players = await Promise.all(CAST.map((member, i) => openAsPlayer(member.name, invites[i]!)));
    const [ana, bo, cy, dee, eli] = players as [Player, Player, Player, Player, Player];
    for (const player of players) {
      await live(player);
      expect(new URL(player.page.url()).hash).toBe('');
      expect(await player.page.evaluate((room) => localStorage.getItem(`po:play:${room}`) !== null, roomId)).toBe(true);
      await see(player.page.getByTestId('persona'), player.name);
      await see(player.page.getByTestId('phase'), 'Before the game');
      await see(player.page.getByTestId('my-silver'), '50 silver');
    }
    expect(await ana.page.getByTestId('cast-p2').textContent()).toContain('Ex-marine, terrible liar.');

    const advance = async (phase: string, day: string) => {
      await host.getByRole('button', { name: 'Advance to the next phase' }).click();
      for (const player of players) {
        await see(player.page.getByTestId('phase'), phase);
        await see(player.page.getByTestId('day'), day);
      }
    };

    // Pregame: the group chat is open before day 1. A message over the limit cannot be sent.
    await tab(ana, 'Chat');
    await ana.page.getByLabel('Message the group').fill('x'.repeat(300));
    await see(ana.page.locator('.panel-chat .count'), '-20 characters left');
    expect(await ana.page.locator('.panel-chat').getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await chat(ana, 'Hello, I am Ana. Alliances, anyone?', players);

    // Day 1: MAJORITY with a PLAYER_PICK.
    await advance('Morning', 'Day 1 of 4');
    await see(host.getByTestId('stage'), 'day · morning');

    // Dee's connection drops; messages posted meanwhile arrive when it comes back, from the cursor.
    const deeSockets: string[] = [];
    dee.page.on('websocket', (socket) => deeSockets.push(socket.url()));
    await dee.page.evaluate('window.__sockets.forEach((socket) => socket.close(3000, "network lost"))');
    await dee.context.setOffline(true);
    await dee.page.getByRole('status', { name: 'Connection: Reconnecting…' }).waitFor({ timeout: 5_000 });
    await chat(bo, 'Morning all. Bo here.', [ana, bo, cy, eli]);
    expect(await groupChat(dee).textContent()).not.toContain('Morning all. Bo here.');
    await dee.context.setOffline(false);
    await live(dee);
    await see(groupChat(dee), 'Morning all. Bo here.');
    expect(deeSockets.at(-1)).toMatch(/[?&]cursor=1(&|$)/);
    await advance('Social', 'Day 1 of 4');
    await dm(ana, bo, 'Psst, Bo. Pick me and I pick you?');
    await see(ana.page.getByTestId('my-silver'), '49 silver');
    await see(ana.page.getByTestId('dm-allowance'), '2 new conversations left today');
    await see(ana.page.getByTestId('dm-allowance'), `${1200 - 'Psst, Bo. Pick me and I pick you?'.length} characters left today`);
    await dm(bo, ana, 'Deal.');
    await tab(ana, 'DMs');
    await see(ana.page.locator('ol[aria-label="Conversation with Bo"]'), 'Deal.');
    await shot(ana.page, 'dms');
    await give(bo, 'Cy', 5);
    await see(bo.page.getByRole('status').filter({ hasText: 'You gave' }), 'You gave 5 silver to Cy.');
    await see(cy.page.getByTestId('my-silver'), '55 silver');
    // A refusal, explained in words.
    await give(dee, 'Ana', 999);
    await see(dee.page.getByRole('alert'), 'You do not have enough silver.');
    for (const [player, target] of [
      [ana, 'Bo'],
      [bo, 'Ana'],
      [cy, 'Ana'],
      [dee, 'Ana'],
      [eli, 'Ana'],
    ] as const) {
      await tab(player, 'Today');
      await player.page.getByRole('button', { name: `Pick ${target}` }).click();
      await see(player.page.getByTestId('my-pick'), `Your pick: ${target}.`);
    }
    await shot(ana.page, 'player-day');
    // The host's refusals come back in words, with player names.
    await host.getByLabel('Put out').selectOption({ label: 'Ana' });
    await host.getByRole('button', { name: 'Eliminate' }).click();
    await see(host.getByTestId('admin-outcome'), 'Refused (CAST_TOO_SMALL): That would leave too few players for the days still to play.');
    await see(host.getByTestId('admin-outcome'), 'Without Ana, too few players');
    await see(host.getByTestId('stage'), 'day · social');
    await see(host.locator('ol[aria-label="Group chat messages"]'), 'Morning all. Bo here.');
    await shot(host, 'host');

    await advance('Voting', 'Day 1 of 4');
    // The picks are revealed: Ana and Bo picked each other (+15 each), the others earn 5.
    await see(ana.page.getByTestId('activity-result'), 'Picked each other: Ana & Bo');
    await see(ana.page.getByTestId('my-silver'), '64 silver');
    await see(bo.page.getByTestId('my-silver'), '59 silver');
    for (const player of [ana, bo, cy, dee]) await vote(player, 'Vote out Eli');
    await vote(eli, 'Vote out Ana');
    for (const player of players) await see(player.page.getByTestId('voted'), 'Voted so far (5)');
    await tab(ana, 'Today');
    await shot(ana.page, 'voting');
    // On a phone the ballot leads the Today panel: the vote card starts within the first screen.
    const voteTop = Number(
      await ana.page.evaluate(`document.querySelector('[data-testid="vote-card"]').getBoundingClientRect().top + window.scrollY`),
    );
    expect(voteTop).toBeLessThan(PHONE.viewport.height);

    // Cy reloads mid-game: the same state, and the messages from storage, caught up from the cursor.
    await tab(cy, 'Chat');
    const chatCount = await groupChat(cy).getAttribute('data-count');
    expect(Number(chatCount)).toBe(2);
    const frames: string[] = [];
    const socketUrls: string[] = [];
    cy.page.on('websocket', (socket) => {
      socketUrls.push(socket.url());
      socket.on('framereceived', ({ payload }) => frames.push(String(payload)));
    });
    await cy.page.reload();
    await live(cy);
    expect(new URL(cy.page.url()).hash).toBe('');
    await see(cy.page.getByTestId('phase'), 'Voting');
    await see(cy.page.getByTestId('my-ballot-target'), 'Your choice: Eli.');
    await see(cy.page.getByTestId('my-silver'), '60 silver');
    expect(await groupChat(cy).getAttribute('data-count')).toBe(chatCount);
    expect(await groupChat(cy).textContent()).toContain('Hello, I am Ana.');
    expect(socketUrls.at(-1)).toMatch(/[?&]cursor=[1-9]\d*/);
    const catchUp = frames
      .map((frame) => JSON.parse(frame) as { type: string; messages?: unknown[] })
      .find((frame) => frame.type === 'messages');
    expect(catchUp?.messages).toEqual([]);

    await advance('Results', 'Day 1 of 4');
    for (const player of players) await see(player.page.getByTestId('vote-outcome'), 'Eli is out');
    await see(ana.page.getByTestId('vote-result'), '4 votes');
    await advance('Night', 'Day 1 of 4');
    await see(ana.page.getByTestId('night-news'), 'Tonight Eli leaves the game.');
    await see(eli.page.getByTestId('night-news'), 'Tonight you leave the game.');

    // Day 2: SHIELD among four. Eli is out: reads the chat, cannot post.
    await advance('Morning', 'Day 2 of 4');
    await see(ana.page.getByTestId('night-news'), 'Last night Eli left the game.');
    await see(eli.page.getByTestId('jury-note'), 'You are out of the game and on the jury.');
    await see(ana.page.getByTestId('cast-p5'), 'Out');
    await chat(dee, 'Poor Eli. Who is next?', players);
    await tab(eli, 'Chat');
    await see(eli.page.locator('.panel-chat .notice'), 'You are out: you can read the group chat but not post.');
    expect(await eli.page.getByLabel('Message the group').isDisabled()).toBe(true);
    await advance('Social', 'Day 2 of 4');
    // The jury's pills say what is true for them: no DMs, no transfers, a chat they only read.
    const eliOpen = eli.page.getByLabel('What is open now');
    await see(eliOpen, 'No DMs for the jury');
    expect(await eliOpen.textContent()).not.toMatch(/DMs open|Silver transfers open|Group chat open/);
    await see(ana.page.getByLabel('What is open now'), 'DMs open');
    await dm(cy, dee, 'Dee, shield me and I shield you.');
    await give(ana, 'Dee', 3);
    await see(dee.page.getByTestId('my-silver'), '58 silver');
    // The same app on a desktop: every section side by side, no tabs.
    await cy.page.setViewportSize(DESKTOP.viewport);
    expect(await cy.page.getByRole('tab', { name: 'Chat' }).isVisible()).toBe(false);
    expect(await cy.page.getByLabel('Message the group').isVisible()).toBe(true);
    await shot(cy.page, 'player-desktop');
    await cy.page.setViewportSize(PHONE.viewport);
    await advance('Voting', 'Day 2 of 4');
    for (const [player, target] of [
      [ana, 'Ana'],
      [bo, 'Bo'],
      [cy, 'Cy'],
      [dee, 'Ana'],
    ] as const)
      await vote(player, `Shield ${target}`);
    await see(ana.page.getByTestId('voted'), 'Voted so far (4)');
    await see(eli.page.getByTestId('vote-card'), 'You are out: you vote again in the finale, as a juror.');
    await advance('Results', 'Day 2 of 4');
    for (const player of players) await see(player.page.getByTestId('vote-outcome'), 'Dee is out');
    await advance('Night', 'Day 2 of 4');

    // Day 3: MAJORITY among three.
    await advance('Morning', 'Day 3 of 4');
    await chat(cy, 'Just the three of us now.', players);
    await advance('Social', 'Day 3 of 4');
    await dm(bo, cy, 'Cy, sorry in advance.');
    await give(cy, 'Bo', 2);
    await see(bo.page.getByTestId('my-silver'), /\d+ silver/);
    await advance('Voting', 'Day 3 of 4');
    for (const [player, target] of [
      [ana, 'Cy'],
      [bo, 'Cy'],
      [cy, 'Ana'],
    ] as const)
      await vote(player, `Vote out ${target}`);
    await advance('Results', 'Day 3 of 4');
    for (const player of players) await see(player.page.getByTestId('vote-outcome'), 'Cy is out');
    await advance('Night', 'Day 3 of 4');

    // Day 4: the FINALS. The jury (Eli, Dee, Cy) crowns the winner; the finalists cannot vote.
    await advance('Morning', 'Day 4 of 4');
    await chat(ana, 'Jury, remember who kept their word.', players);
    await advance('Social', 'Day 4 of 4');
    await dm(ana, bo, 'Good game, Bo.');
    await give(bo, 'Ana', 1);
    await advance('Voting', 'Day 4 of 4');
    await see(ana.page.getByTestId('vote-card'), 'You are a finalist: the jury of eliminated players picks the winner.');
    expect(await ana.page.getByRole('button', { name: /^Crown / }).count()).toBe(0);
    for (const juror of [eli, dee, cy]) await see(juror.page.getByTestId('juror-role'), 'You are on the jury');
    for (const [juror, finalist] of [
      [eli, 'Ana'],
      [dee, 'Ana'],
      [cy, 'Bo'],
    ] as const)
      await vote(juror, `Crown ${finalist}`);
    await see(eli.page.getByTestId('voted'), 'Voted so far (3)');
    await tab(eli, 'Today');
    await shot(eli.page, 'jury');
    await advance('Results', 'Day 4 of 4');
    for (const player of players) await see(player.page.getByTestId('vote-outcome'), 'Ana wins the finals');

    await host.getByRole('button', { name: 'Advance to the next phase' }).click();
    for (const player of players) {
      await see(player.page.getByTestId('phase'), 'Game over');
      await see(player.page.getByTestId('winner'), 'Ana wins 30 gold');
    }
    await see(ana.page.getByTestId('game-over'), 'That’s you.');
    await tab(bo, 'Today');
    await shot(bo.page, 'game-over');
    // The standings list everyone, in finishing order: the finalists, then the last out first.
    expect(await bo.page.getByTestId('standings').locator('li').allTextContents()).toEqual(['Ana', 'Bo (you)', 'Cy', 'Dee', 'Eli']);

    await see(host.getByTestId('status'), 'Finished');
    await see(host.getByTestId('stage'), 'gameOver');
    await see(host.locator('ol[aria-label="Group chat messages"]'), 'Jury, remember who kept their word.');
    expect(await host.getByRole('button', { name: 'Advance to the next phase' }).isDisabled()).toBe(true);

    for (const player of players) expect(player.errors).toEqual([]);
    await Promise.all([lobbyContext.close(), ...players.map((player) => player.context.close())]);
  });

  it('lets the lobby set the start time, and the links page counts down to it', async () => {
    const context = await browser.newContext(DESKTOP);
    const lobby = await context.newPage();
    await lobby.goto(`${baseUrl}/`);
    await lobby.getByLabel('Lobby secret').fill(lobbySecret);
    for (const [i, member] of CAST.entries()) await lobby.getByLabel(`Player ${i + 1} name`).fill(member.name);
    await lobby.getByLabel('Pace (preset)').selectOption('FAST');
    // Three minutes from now, to the minute, in the browser's own time zone.
    const startAt = Number(await lobby.evaluate('Math.floor((Date.now() + 180000) / 60000) * 60000'));
    const local = String(
      await lobby.evaluate(`(() => { const d = new Date(${startAt}); const two = (n) => String(n).padStart(2, '0');
        return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + 'T' + two(d.getHours()) + ':' + two(d.getMinutes()); })()`),
    );
    await lobby.getByLabel('Day 1 starts (optional)').fill(local);
    await lobby.getByRole('button', { name: 'Create the game' }).click();
    const start = lobby.getByTestId('game-start');
    await see(start, 'Day 1 starts');
    // The room's first timer: the start, give or take the milliseconds between creating and scheduling.
    const shown = Date.parse((await lobby.locator('[data-testid="game-start"] time').getAttribute('datetime'))!);
    expect(shown - startAt).toBeGreaterThanOrEqual(0);
    expect(shown - startAt).toBeLessThan(1_000);
    const first = await see(lobby.getByTestId('start-countdown'), /^in [0-3]:\d\d$/);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await lobby.getByTestId('start-countdown').textContent()).not.toBe(first);
    await context.close();
  });

  it('shows a live countdown in a PRE_SCHEDULED game', async () => {
    const response = await fetch(`${baseUrl}/api/games`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${lobbySecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        cast: [{ name: 'Ana' }, { name: 'Bo' }, { name: 'Cy' }],
        manifest: { preset: 'TEST', scheduling: 'PRE_SCHEDULED', days: [{ voteType: 'MAJORITY' }, { voteType: 'FINALS' }] },
      }),
    });
    expect(response.status).toBe(201);
    const game = (await response.json()) as { players: { invite: string }[] };
    const player = await openAsPlayer('Ana', `${baseUrl}${game.players[0]!.invite}`);
    await live(player);
    const countdown = player.page.getByTestId('countdown');
    const phase = player.page.getByTestId('phase');
    const readings = new Set<string>();
    const phases = new Set<string>();
    let shotTaken = false;
    const deadline = Date.now() + 10_000;
    while ((readings.size < 3 || phases.size < 2) && Date.now() < deadline) {
      const text = await countdown.textContent({ timeout: 1_000 }).catch(() => null);
      if (text && /^\d+:\d\d left$/.test(text)) readings.add(text);
      phases.add((await phase.textContent()) ?? '');
      if (readings.size === 1 && !shotTaken) {
        await shot(player.page, 'countdown');
        shotTaken = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    // The countdown ticks, and the phase moves on by itself: nobody advances this game, its timers do.
    expect(readings.size).toBeGreaterThanOrEqual(3);
    expect(phases.size).toBeGreaterThanOrEqual(2);
    expect(await player.page.getByText('the host moves the game on').count()).toBe(0);
    expect(player.errors).toEqual([]);
    await player.context.close();
  });

  it('explains a refused invite link and stops reconnecting', async () => {
    const sockets: string[] = [];
    const player = await openAsPlayer('Nobody', `${baseUrl}/play#room=no-such-room&token=not.a.token`, (page) =>
      page.on('websocket', (socket) => sockets.push(socket.url())),
    );
    await player.page.getByRole('status', { name: 'Connection: Refused' }).waitFor({ timeout: 10_000 });
    await see(player.page.getByRole('alert'), 'The game refused this link (4002 TOKEN_INVALID).');
    await see(player.page.getByRole('alert'), 'Ask the host for a new link.');
    expect(await player.page.getByRole('alert').textContent()).not.toContain('signature');
    expect(new URL(player.page.url()).hash).toBe('');
    // One attempt, refused: the same link cannot do better, so no reconnect follows.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(sockets).toHaveLength(1);
    expect(sockets[0]).toContain('token=not.a.token');

    // Without an invite at all, the page says what it needs.
    const stranger = await browser.newContext(PHONE);
    const page = await stranger.newPage();
    await page.goto(`${baseUrl}/play`);
    await see(page.getByRole('heading', { level: 1 }), 'Open your invite link');
    expect(player.errors).toEqual([]);
    await Promise.all([player.context.close(), stranger.close()]);
  });
});
