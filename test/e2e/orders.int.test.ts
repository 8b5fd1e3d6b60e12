/**
 * End-to-end check of orders in Debian's headless Chromium, on the real server with demo data:
 * Hubei's commander issues an order to the province's prefecture-level units; Wuhan's duty
 * officer acknowledges it for Wuhan; the province then sees the roll-up go up by one and Wuhan
 * leave the gap list (through the live stream, or the page's refresh button). The province then
 * amends the order (actions, deadlines, reason): its tree shows who must acknowledge again, Wuhan
 * sees "re-acknowledge" and the new actions, acknowledges, and leaves the province's list of those.
 *
 * Set SEAMLESS_E2E_URL to point it at a server that is already running instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM, OUTPUT_DIR, ensureWebBuilt, startServer } from './browser-support.js';

const HUBEI = '420000000000';
const WUHAN = '420100000000';
/** Console noise that is expected: the 401 before log-in, the live stream closing with the page. */
const EXPECTED_PROBLEM = /favicon|status of 401|EventSource|ERR_ABORTED/;

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, name), fullPage: true });
}

async function logIn(browser: Browser, url: string, username: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => problems.push(`${username} pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${username} console: ${message.text()}`);
  });
  await page.goto(`${url}/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', 'seamless-demo');
  await page.click('button[type="submit"]');
  await page.locator('nav a[data-page="command"]').waitFor();
  return page;
}

/** A value for <input type="datetime-local"> this many hours from now, in the browser's (and this process's) local time. */
function localInput(hoursFromNow: number): string {
  const at = new Date(Date.now() + hoursFromNow * 3_600_000);
  at.setMinutes(at.getMinutes() - at.getTimezoneOffset());
  return at.toISOString().slice(0, 16);
}

/** The numbers in a tree row's counts ("签收 1/14，办结 0，超时 0" → [1, 14, 0, 0]). */
async function countsOf(page: Page, code: string): Promise<number[]> {
  const text = (await page.locator(`li[data-code="${code}"] > .tree-row [data-testid="node-counts"]`).textContent()) ?? '';
  return (text.match(/\d+/g) ?? []).map(Number);
}

/**
 * The node's counts once its first figure (acknowledged) reads `acknowledged`, or the last counts
 * read after 10 s: the tree and the gap list reload separately, so one may show a change first.
 */
async function settledCounts(page: Page, code: string, acknowledged: number): Promise<number[]> {
  let counts = await countsOf(page, code);
  for (const deadline = Date.now() + 10_000; counts[0] !== acknowledged && Date.now() < deadline; ) {
    await page.waitForTimeout(200);
    counts = await countsOf(page, code);
  }
  return counts;
}

test('orders: a province issues to its cities, Wuhan acknowledges, the province sees the roll-up and gap list change, amends, Wuhan re-acknowledges', { timeout: 240_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const problems: string[] = [];
  const nonce = `e2e-${Date.now().toString(36)}`;
  try {
    // ---------------------------------------------------------------- the province issues
    const province = await logIn(browser, server.url, 'hubei.commander', problems);
    await province.locator('nav a[data-page="command"]').click();
    await province.click('[data-testid="order-issue-toggle"]');
    const form = province.locator('[data-testid="order-issue-form"]');
    await form.locator('select[name="issuerCode"]').selectOption(HUBEI);
    await form.locator('select[name="targetKind"]').selectOption('subtree');
    await form.locator('select[name="downToLevel"]').selectOption('city');
    await form.locator('select[name="cascade"]').selectOption('automatic');
    await form.locator('input[name="titleZh"]').fill(`立即排查河道堤防 ${nonce}`);
    await form.locator('input[name="titleEn"]').fill(`Inspect river dikes now ${nonce}`);
    await form.locator('textarea[name="bodyZh"]').fill('各市（州）立即组织排查辖区河道堤防，发现险情立即上报。');
    await province.click('[data-testid="order-submit"]');
    await province.locator('[data-testid="order-view"] h1', { hasText: nonce }).waitFor();
    const orderId = decodeURIComponent(new URL(province.url()).hash.replace('#/command/', ''));
    assert.ok(orderId, 'the page moved to the new order');
    const root = province.locator(`li[data-code="${HUBEI}"]`);
    await root.waitFor();
    await province.locator(`li[data-code="${WUHAN}"]`).waitFor();
    const [acknowledgedBefore, targeted] = await countsOf(province, HUBEI);
    assert.equal(acknowledgedBefore, 0);
    assert.ok(targeted! >= 14, `every prefecture-level unit of Hubei is a target (${targeted})`);
    assert.equal(await root.getAttribute('data-band'), 'none');
    await province.locator(`[data-testid="gap-list"] tr[data-code="${WUHAN}"]`).waitFor();
    const gapsBefore = await province.locator('[data-testid="gap-list"] tbody tr').count();
    await screenshot(province, 'orders-issued.png');

    // ---------------------------------------------------------------- Wuhan acknowledges
    const wuhan = await logIn(browser, server.url, 'wuhan.duty', problems);
    await wuhan.goto(`${server.url}/#/command/${encodeURIComponent(orderId)}`);
    const mine = wuhan.locator(`[data-testid="unit-actions"][data-code="${WUHAN}"]`);
    await mine.waitFor();
    assert.equal(await mine.getAttribute('data-state'), 'received');
    await mine.locator('[data-testid="acknowledge"]').click();
    await wuhan.locator(`[data-testid="unit-actions"][data-code="${WUHAN}"][data-state="acknowledged"]`).waitFor();
    await screenshot(wuhan, 'orders-acknowledged.png');

    // ---------------------------------------------------------------- the province sees it
    const sawLive = await province
      .locator(`[data-testid="gap-list"] tr[data-code="${WUHAN}"]`)
      .waitFor({ state: 'detached', timeout: 10_000 })
      .then(() => true, () => false);
    if (!sawLive) {
      t.diagnostic('no live update within 10 s: refreshing by hand');
      await province.click('[data-testid="order-refresh"]');
      await province.locator(`[data-testid="gap-list"] tr[data-code="${WUHAN}"]`).waitFor({ state: 'detached' });
    }
    await province.locator(`li[data-code="${HUBEI}"]`).waitFor();
    const [acknowledgedAfter, targetedAfter] = await settledCounts(province, HUBEI, 1);
    assert.deepEqual([acknowledgedAfter, targetedAfter], [1, targeted]);
    assert.equal(await province.locator(`li[data-code="${HUBEI}"]`).getAttribute('data-band'), 'partial');
    assert.equal(await province.locator(`li[data-code="${WUHAN}"]`).getAttribute('data-band'), 'acknowledged');
    assert.equal(await province.locator('[data-testid="gap-list"] tbody tr').count(), gapsBefore - 1);
    await screenshot(province, 'orders-rollup.png');

    // ---------------------------------------------------------------- the province amends
    const amend = province.locator('[data-testid="order-amend-form"]');
    assert.equal(await amend.locator('input[name="amendTitleZh"]').inputValue(), `立即排查河道堤防 ${nonce}`); // the form starts from the order
    await amend.locator('textarea[name="amendActions"]').fill('排查河道堤防\n上报险情照片');
    await amend.locator('input[name="amendChangeDeadlines"]').check();
    await amend.locator('input[name="amendAcknowledgeBy"]').fill(localInput(4));
    await amend.locator('input[name="amendCompleteBy"]').fill(localInput(30));
    assert.ok(await amend.locator('[data-testid="amend-submit"]').isDisabled(), 'no amendment without a reason');
    await amend.locator('input[name="amendNote"]').fill(`汛情升级 ${nonce}`);
    await amend.locator('[data-testid="amend-submit"]').click();
    await province.locator('[data-testid="order-amended"]', { hasText: nonce }).waitFor();
    // The tree shows who must acknowledge again: every unit that had received it, Wuhan included.
    await province.locator(`li[data-code="${WUHAN}"] > .tree-row [data-testid="must-reacknowledge"]`).waitFor();
    const reHubei = (await province.locator(`li[data-code="${HUBEI}"] > .tree-row [data-testid="must-reacknowledge"]`).textContent()) ?? '';
    assert.equal(Number(reHubei.match(/\d+/)?.[0]), targeted, reHubei);
    assert.equal((await settledCounts(province, HUBEI, 0))[0], 0); // the acknowledged count restarts
    await screenshot(province, 'orders-amended.png');

    // ---------------------------------------------------------------- Wuhan re-acknowledges
    const sawAmendment = await wuhan.locator('[data-testid="reacknowledge"]').waitFor({ timeout: 10_000 }).then(() => true, () => false);
    if (!sawAmendment) await wuhan.click('[data-testid="order-refresh"]');
    await wuhan.locator(`[data-testid="unit-actions"][data-code="${WUHAN}"][data-state="received"] [data-testid="reacknowledge"]`).waitFor();
    await wuhan.locator('li', { hasText: '上报险情照片' }).waitFor(); // the amended actions
    await wuhan.locator(`[data-testid="unit-actions"][data-code="${WUHAN}"] [data-testid="acknowledge"]`).click();
    await wuhan.locator(`[data-testid="unit-actions"][data-code="${WUHAN}"][data-state="acknowledged"]`).waitFor();
    assert.equal(await wuhan.locator('[data-testid="reacknowledge"]').count(), 0);

    const sawReack = await province
      .locator(`li[data-code="${WUHAN}"] > .tree-row [data-testid="must-reacknowledge"]`)
      .waitFor({ state: 'detached', timeout: 10_000 })
      .then(() => true, () => false);
    if (!sawReack) {
      await province.click('[data-testid="order-refresh"]');
      await province.locator(`li[data-code="${WUHAN}"] > .tree-row [data-testid="must-reacknowledge"]`).waitFor({ state: 'detached' });
    }
    assert.equal((await settledCounts(province, HUBEI, 1))[0], 1);
    await screenshot(province, 'orders-reacknowledged.png');

    assert.deepEqual(problems.filter((problem) => !EXPECTED_PROBLEM.test(problem)), []);
  } finally {
    await browser.close();
    await server.close();
  }
});
