/**
 * End-to-end check of mutual aid in Debian's headless Chromium, on the real server with the demo
 * data and the 10 Feb 2020 pairings (src/demo/mutual-aid-demo.ts):
 * (a) Hubei's duty officer sees the 21 demo pairings on the map and in the table, and runs the
 *     suggestion tool on the synthetic demo scenario;
 * (b) Wuhan's duty officer requests medical teams; Huangshi's duty officer offers from the board;
 *     Wuhan commits the offer; Huangshi dispatches — and the server holds exactly that.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, apiToken, ensureWebBuilt, launchChromium, screenshot, signIn } from './browser-support.js';
import { startTestServer, systemContext } from '../../src/testing/server.js';
import { loadMutualAidDemo } from '../../src/demo/mutual-aid-demo.js';

interface MapHandle {
  loaded(): boolean;
  queryRenderedFeatures(options: { layers: string[] }): unknown[];
}
// The callbacks given to page.evaluate run in the browser; the server's tsconfig has no DOM types.
declare const window: { __seamlessMap?: MapHandle };

const EXPECTED_PROBLEM = /favicon|status of 401|status of 403|EventSource/;

async function logIn(browser: Browser, url: string, username: string, problems: string[]): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => problems.push(`${username} pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_PROBLEM.test(message.text())) problems.push(`${username} console: ${message.text()}`);
  });
  await signIn(page, url, username);
  await page.locator('nav a[data-page="mutual-aid"]').click();
  return page;
}

test('mutual aid: demo pairings on the map, suggestions, request → offer → commit → dispatch', { timeout: 300_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startTestServer({ demo: true });
  await loadMutualAidDemo(systemContext(server.runtime));
  const browser = await launchChromium();
  const problems: string[] = [];
  const nonce = `e2e-${Date.now().toString(36)}`;
  try {
    // ---------------------------------------------------------------- (a) pairings and suggestions
    const hubei = await logIn(browser, server.url, 'hubei.duty', problems);
    await hubei.locator('[data-testid="pairing-count"]').filter({ hasText: '21' }).waitFor();
    assert.equal(await hubei.locator('[data-testid="pairing-table"] tbody tr').count(), 21);
    await hubei.locator('[data-testid="pairing-table"] tr[data-supporter="430000000000"][data-supported="421100000000"]').waitFor();
    await hubei.waitForFunction(() => {
      const map = window.__seamlessMap;
      return map !== undefined && map.loaded() && map.queryRenderedFeatures({ layers: ['pairing-lines'] }).length > 0;
    });
    await screenshot(hubei, 'mutual-aid-pairings.png');
    await hubei.click('[data-tab="suggest"]');
    await hubei.click('[data-testid="load-demo-scenario"]');
    await hubei.click('[data-testid="run-suggestion"]');
    await hubei.locator('[data-testid="suggestion-result"]').waitFor({ timeout: 60_000 });
    assert.ok((await hubei.locator('[data-testid="suggested-pair"]').count()) >= 16, 'every recipient gets at least one supporter');
    assert.match(await hubei.locator('[data-testid="suggestion-result"]').innerText(), /合成数据/);

    // ---------------------------------------------------------------- (b) request, offer, commit, dispatch
    const wuhan = await logIn(browser, server.url, 'wuhan.duty', problems);
    await wuhan.click('[data-tab="requests"]');
    const form = wuhan.locator('[data-testid="request-form"]');
    await form.locator('select[name="resourceKind"]').selectOption('team');
    await form.locator('select[name="resourceType"]').selectOption('1');
    await form.locator('input[name="resourceName"]').fill(`重症医疗队 ${nonce}`);
    await form.locator('input[name="quantity"]').fill('5');
    await form.locator('input[name="unit"]').fill('队');
    await form.locator('input[name="neededBy"]').fill('2020-02-14T08:00');
    await form.locator('input[name="deliverTo"]').fill('武汉市金银潭医院');
    await form.locator('[data-testid="submit-request"]').click();
    const mine = wuhan.locator('[data-testid="my-requests"] [data-testid="request-card"]', { hasText: nonce });
    await mine.and(wuhan.locator('[data-status="open"]')).waitFor();

    const huangshi = await logIn(browser, server.url, 'huangshi.duty', problems);
    await huangshi.click('[data-tab="requests"]');
    const onBoard = huangshi.locator('[data-testid="board"] [data-testid="request-card"]', { hasText: nonce });
    await onBoard.locator('input[name="offerQuantity"]').fill('5');
    await onBoard.locator('input[name="unitCost"]').fill('1800');
    await onBoard.locator('[data-testid="submit-offer"]').click();
    await onBoard.locator('[data-testid="offer"][data-offerer="420200000000"][data-status="offered"]').waitFor();

    await wuhan.reload();
    await wuhan.locator('nav a[data-page="mutual-aid"]').click();
    await wuhan.click('[data-tab="requests"]');
    await mine.locator('[data-testid="offer"][data-offerer="420200000000"] [data-testid="commit-offer"]').click();
    await mine.and(wuhan.locator('[data-status="fulfilled"]')).waitFor();
    await mine.locator('[data-testid="offer"][data-status="committed"]').waitFor();

    await huangshi.reload();
    await huangshi.locator('nav a[data-page="mutual-aid"]').click();
    await huangshi.click('[data-tab="requests"]');
    await onBoard.locator('[data-testid="offer"][data-offerer="420200000000"] button[data-action="dispatch"]').click();
    await onBoard.locator('[data-testid="offer"][data-status="dispatched"]').waitFor();
    await screenshot(huangshi, 'mutual-aid-dispatched.png');

    // What the server holds: one request, its one offer dispatched, 5 of 5 committed.
    const token = await apiToken(server.url, 'wuhan.duty');
    const list = (await (await fetch(`${server.url}/api/v1/mutual-aid/requests?within=4201`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { resourceName: string; status: string; committedQuantity: number; offers: { status: string; offererCode: string }[] }[];
    };
    const ours = list.items.filter((r) => r.resourceName.includes(nonce));
    assert.equal(ours.length, 1);
    assert.equal(ours[0]!.status, 'fulfilled');
    assert.equal(ours[0]!.committedQuantity, 5);
    assert.deepEqual(ours[0]!.offers.map((o) => [o.offererCode, o.status]), [['420200000000', 'dispatched']]);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
