/**
 * End-to-end check of the joint task board in Debian's headless Chromium, on the real server with
 * demo data: Hubei's commander puts a task for health and a task for commerce on an incident's
 * board, commerce's waiting for health's; Wuhan's health officer sees only health's task and
 * works it to done; on the commander's board the dependent task unblocks, live.
 *
 * Set SEAMLESS_E2E_URL to run against a server that is already running instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CHROMIUM, apiToken, ensureWebBuilt, launchChromium, screenshot, signIn, startServer } from './browser-support.js';

/** Console noise that is expected: the 401 before log-in and the event stream closing with a page. */
const EXPECTED_PROBLEM = /favicon|status of 401|EventSource|ERR_ABORTED/;

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await signIn(page, url, username);
  await page.locator('nav').waitFor();
}

const card = (page: Page, title: string) => page.locator(`li.task-card[data-task-title="${title}"]`);

test('joint task board: tasks for two departments, department visibility, the dependent task unblocks', { timeout: 240_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startServer();
  const browser = await launchChromium();
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED_PROBLEM.test(message.text())) problems.push(`console: ${message.text()}`);
    });
  };
  const nonce = `e2e-${Date.now().toString(36)}`;
  const healthTitle = `清点定点医院床位 ${nonce}`;
  const commerceTitle = `调运生活物资 ${nonce}`;
  try {
    // An incident in Wuhan to work on, opened through the API (the incident pages are tested elsewhere).
    const token = await apiToken(server.url, 'hubei.commander');
    const opened = await fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: `武汉疫情联防联控 ${nonce}`, type: 'disease_cluster', level: 'III', jurisdictionCode: '4201' }),
    });
    assert.equal(opened.status, 201, await opened.clone().text());
    const incidentId = ((await opened.json()) as { id: string }).id;

    // ------------------------------------------------------------ the commander plans the work
    const commandPost = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const commander = await commandPost.newPage();
    watch(commander);
    await logIn(commander, server.url, 'hubei.commander');
    await commander.goto(`${server.url}/#/tasks?incident=${incidentId}`);
    const form = commander.locator('form.task-form');
    await form.waitFor();
    await form.locator('input[name="titleZh"]').fill(healthTitle);
    await form.locator('select[name="department"]').selectOption('health');
    await form.locator('input[name="jurisdictionCode"]').fill('4201');
    await form.locator('button[type="submit"]').click();
    await card(commander, healthTitle).waitFor();

    await form.locator('input[name="titleZh"]').fill(commerceTitle);
    await form.locator('select[name="department"]').selectOption('commerce');
    await form.locator(`input[name="dependsOn"][data-title="${healthTitle}"]`).check();
    await form.locator('button[type="submit"]').click();
    await card(commander, commerceTitle).waitFor();
    assert.equal(await commander.locator('section[data-status="todo"] li.task-card').count(), 2);
    await card(commander, commerceTitle).locator('[data-testid="waiting"]', { hasText: healthTitle }).waitFor();
    await screenshot(commander, 'task-board-planned.png');

    // ------------------------------------------------------------ Wuhan's health officer
    const healthDesk = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const officer = await healthDesk.newPage();
    watch(officer);
    await logIn(officer, server.url, 'wuhan.health');
    await officer.goto(`${server.url}/#/tasks?incident=${incidentId}`);
    await card(officer, healthTitle).waitFor();
    assert.equal(await card(officer, commerceTitle).count(), 0, "commerce's task is not health's to see");
    assert.equal(await officer.locator('form.task-form').count(), 0, 'department officers do not plan the board');

    await card(officer, healthTitle).locator('button').first().click();
    const detail = officer.locator('aside.task-detail');
    await detail.locator('button[data-move="in_progress"]').click();
    await officer.locator(`section[data-status="in_progress"] li.task-card[data-task-title="${healthTitle}"]`).waitFor();
    await detail.locator('textarea[name="note"]').fill('三家定点医院床位已清点');
    await detail.locator('form button[type="submit"]').click();
    await detail.locator('.timeline li', { hasText: '三家定点医院床位已清点' }).waitFor();
    await detail.locator('button[data-move="done"]').click();
    await officer.locator(`section[data-status="done"] li.task-card[data-task-title="${healthTitle}"]`).waitFor();
    await screenshot(officer, 'task-board-health.png');

    // ------------------------------------------------------------ the dependent task unblocks, live
    await commander.locator(`section[data-status="done"] li.task-card[data-task-title="${healthTitle}"]`).waitFor({ timeout: 30_000 });
    await card(commander, commerceTitle).locator('[data-testid="waiting"]').waitFor({ state: 'detached' });
    await card(commander, commerceTitle).locator('button').first().click();
    await commander.locator('aside.task-detail [data-testid="can-start"]').waitFor();
    await commander.locator('aside.task-detail button[data-move="in_progress"]').waitFor();
    await screenshot(commander, 'task-board-unblocked.png');

    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
