/**
 * End-to-end check of the warnings lifecycle in Debian's headless Chromium:
 * (a) a county duty officer (Jiang'an, 420102) composes a yellow rainstorm warning: live
 *     validation names the missing fields next to them, then the CAP XML preview shows a message
 *     that validates against the XSD; the officer saves and publishes it directly;
 * (b) the same officer composes a red one: it needs approval, so it is submitted; Hubei's
 *     province commander approves it in the browser, and it appears in /public/alerts.atom.
 *
 * Runs against the real server with demo data (`startTestServer({ demo: true })`); set
 * SEAMLESS_E2E_URL to point it at a server that is already running instead. The county officer
 * is created through the admin API (the demo has no county duty officer).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM, OUTPUT_DIR, ensureWebBuilt, startServer } from './browser-support.js';
import { validateCap } from '../../src/warnings/cap/validate.js';

const PASSWORD = 'seamless-demo';
const OFFICER_PASSWORD = 'county-duty-e2e-pass';

async function apiToken(url: string, username: string, password = PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(response.status, 200, `log-in as ${username}`);
  return ((await response.json()) as { token: string }).token;
}

async function apiPost<T>(url: string, token: string, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  assert.ok(response.status >= 200 && response.status < 300, `${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function logIn(browser: Browser, url: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${url}/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.locator('nav a[data-page="warnings"]').waitFor();
  return page;
}

/** Composes a warning of `colour` from the form's defaults, checks the live preview and saves it; returns its id. */
async function compose(page: Page, url: string, colour: string, headline: string): Promise<{ id: string; xml: string }> {
  await page.goto(`${url}/#/warnings/new`);
  await page.locator('[data-testid="compose-save"]').waitFor();
  // Live validation names what is still missing, next to the field.
  await page.locator('label.field', { has: page.locator('[data-testid="compose-headlineZh"]') }).locator('[data-testid="field-problems"]').waitFor();
  await page.selectOption('[data-testid="compose-colour"]', colour);
  await page.fill('[data-testid="compose-eventZh"]', '暴雨');
  await page.fill('[data-testid="compose-eventEn"]', 'Rainstorm');
  await page.fill('[data-testid="compose-headlineZh"]', headline);
  await page.fill('[data-testid="compose-descriptionZh"]', '预计未来6小时内江岸区降雨量将达50毫米以上。');
  await page.fill('[data-testid="compose-headlineEn"]', `Rainstorm ${colour} warning for Jiang'an`);
  await page.fill('[data-testid="compose-descriptionEn"]', "Rainfall above 50 mm expected in Jiang'an within 6 hours.");
  await page.locator('[data-testid="compose-validity"]', { hasText: '校验通过' }).waitFor();
  await page.locator('[data-testid="compose-xml"]', { hasText: headline }).waitFor();
  const xml = (await page.locator('[data-testid="compose-xml"]').textContent()) ?? '';
  await page.click('[data-testid="compose-save"]');
  await page.waitForURL(/#\/warnings\/[0-9A-Z]{26}$/);
  const id = decodeURIComponent(page.url().split('/').pop()!);
  await page.locator('[data-testid="warning-state"]', { hasText: '草稿' }).waitFor();
  return { id, xml };
}

test('warnings: a county officer publishes yellow; red needs the province commander; the feed shows it', { timeout: 300_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const problems: string[] = [];
  const nonce = Date.now().toString(36);
  const officerName = `e2e.jiangan.duty.${nonce}`;
  try {
    const admin = await apiToken(server.url, 'admin');
    const officer = await apiPost<{ id: string }>(server.url, admin, '/api/v1/users', { username: officerName, displayName: '江岸区值班员', password: OFFICER_PASSWORD, homeJurisdictionCode: '420102' });
    await apiPost(server.url, admin, `/api/v1/users/${officer.id}/grants`, { role: 'duty_officer', jurisdictionCode: '420102' });

    // ------------------------------------------------------------ (a) yellow: compose, preview, publish
    const county = await logIn(browser, server.url, officerName, OFFICER_PASSWORD);
    county.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    const yellow = await compose(county, server.url, 'yellow', `江岸区暴雨黄色预警 ${nonce}`);
    assert.match(yellow.xml, /<alert xmlns="urn:oasis:names:tc:emergency:cap:1\.2">/);
    assert.match(yellow.xml, /<valueName>warningLevel<\/valueName>\s*<value>yellow<\/value>/);
    assert.deepEqual(await validateCap(yellow.xml), [], 'the preview is valid CAP 1.2');
    await county.click('[data-testid="action-publish"]');
    await county.locator('[data-testid="warning-state"]', { hasText: '已发布' }).waitFor();
    const yellowIdentifier = (await county.locator('[data-testid="warning-identifier"]').textContent())!.trim();
    assert.match(yellowIdentifier, /^seamless-420102-\d{8}-\d{4}$/);
    const published = await fetch(`${server.url}/public/alerts/${yellowIdentifier}.xml`);
    assert.equal(published.status, 200);
    assert.deepEqual(await validateCap(await published.text()), []);

    // ------------------------------------------------------------ (b) red: submit, approve, feed
    const red = await compose(county, server.url, 'red', `江岸区暴雨红色预警 ${nonce}`);
    await county.click('[data-testid="action-submit"]');
    await county.locator('[data-testid="warning-state"]', { hasText: '待审批' }).waitFor();

    const commander = await logIn(browser, server.url, 'hubei.commander', PASSWORD);
    commander.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await commander.goto(`${server.url}/#/warnings/${red.id}`);
    await commander.click('[data-testid="action-approve"]');
    await commander.locator('[data-testid="warning-state"]', { hasText: '已发布' }).waitFor();
    const redIdentifier = (await commander.locator('[data-testid="warning-identifier"]').textContent())!.trim();
    await commander.locator('[data-testid="warning-xml"]', { hasText: '<value>red</value>' }).waitFor();

    const feed = await fetch(`${server.url}/public/alerts.atom`);
    assert.equal(feed.status, 200);
    const atom = await feed.text();
    assert.ok(atom.includes(`/public/alerts/${redIdentifier}.xml`), 'the red warning is in the Atom feed');
    assert.ok(atom.includes(`/public/alerts/${yellowIdentifier}.xml`), 'the yellow warning is in the Atom feed');
    assert.deepEqual(problems, []);
  } catch (error) {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    for (const [index, context] of browser.contexts().entries()) {
      for (const [pageIndex, open] of context.pages().entries()) {
        await open.screenshot({ path: path.join(OUTPUT_DIR, `warnings-failure-${index}-${pageIndex}.png`), fullPage: true }).catch(() => undefined);
      }
    }
    throw error;
  } finally {
    await browser.close();
    await server.close();
  }
});
