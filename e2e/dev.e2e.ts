/**
 * `npm run dev` end to end: its own Vite dev server and Worker on free ports, the lobby page from
 * Vite, `/api/*` and a player's WebSocket to `/parties/game-server/…` through Vite's proxy, and hot
 * module replacement: the page's Vite client connects, and an edit to a module under the git-ignored
 * client/.dev-probe/ (made by this test, never a tracked file) reaches the open page without a reload.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDayPlan } from '../machines/pecking-order/v1';
import { launchBrowser } from './browser';
import { startLocalServer, type LocalServer } from './local-server';

const stateDir = mkdtempSync(join(tmpdir(), 'pecking-order-dev-'));
const probeName = `probe-${process.pid}-${Date.now()}`;
const probeDir = join('client', '.dev-probe', probeName);
let server: LocalServer;
let child: ChildProcess | undefined;
let browser: Browser | undefined;

const probeModule = (text: string) => `// Written by e2e/dev.e2e.ts: accepts its own updates, so an edit is hot-replaced, not reloaded.
document.querySelector('#probe').textContent = ${JSON.stringify(text)};
if (import.meta.hot) import.meta.hot.accept();
`;

beforeAll(async () => {
  mkdirSync(probeDir, { recursive: true });
  writeFileSync(join(probeDir, 'index.html'), '<!doctype html><p id="probe">loading</p><script type="module" src="./probe.js"></script>\n');
  writeFileSync(join(probeDir, 'probe.js'), probeModule('first'));
  server = await startLocalServer('scripts/dev.mjs', stateDir);
  child = server.child;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (child?.pid && child.exitCode === null) {
    process.kill(child.pid, 'SIGTERM');
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 20_000))]);
  }
  rmSync(probeDir, { recursive: true, force: true });
  rmSync(stateDir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('serves the lobby from Vite, with the API and a room socket through its proxy', async () => {
    const page = await browser!.newPage();
    const hmr = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 30_000 });
    await page.goto(`${server.baseUrl}/`);
    await hmr;
    expect(await page.title()).toContain('Pecking Order');
    await page.waitForSelector('#root *');
    // Served by Vite's dev server (its client script), not the build that `npm start` serves.
    expect(await page.locator('script[src="/@vite/client"]').count()).toBe(1);
    await page.close();

    const cast = ['Ada', 'Bram', 'Cleo'].map((name) => ({ name }));
    const created = await fetch(`${server.baseUrl}/api/games`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ cast, manifest: { preset: 'TEST', scheduling: 'ADMIN', days: defaultDayPlan(cast.length) } }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const game = (await created.json()) as { roomId: string; players: { invite: string }[] };
    const token = new URLSearchParams(game.players[0]!.invite.split('#')[1]).get('token')!;

    const socket = new WebSocket(
      `${server.baseUrl.replace('http', 'ws')}/parties/game-server/${game.roomId}?token=${encodeURIComponent(token)}`,
    );
    const first = await new Promise<{ type: string }>((resolve, reject) => {
      socket.addEventListener('message', (m) => resolve(JSON.parse(String(m.data))), { once: true });
      socket.addEventListener('error', () => reject(new Error('the room socket failed through the dev server')));
      setTimeout(() => reject(new Error('no frame from the room')), 15_000);
    });
    socket.close();
    expect(first.type).toBe('welcome');
  });

  it('hot-replaces an edited module in the open page, without reloading it', async () => {
    const page = await browser!.newPage();
    const hmr = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 30_000 });
    await page.goto(`${server.baseUrl}/.dev-probe/${probeName}/`);
    await hmr;
    // Runs in the page (the e2e config has no DOM types).
    const probeText = (expected: string) => (globalThis as any).document.querySelector('#probe')?.textContent === expected;
    await page.waitForFunction(probeText, 'first');
    // A full reload would lose this.
    await page.evaluate(() => ((globalThis as any).unreloaded = true));

    writeFileSync(join(probeDir, 'probe.js'), probeModule('edited'));
    await page.waitForFunction(probeText, 'edited', { timeout: 15_000 });
    expect(await page.evaluate(() => (globalThis as any).unreloaded)).toBe(true);
    await page.close();
  });
});
