/**
 * End-to-end check of the public portal in Debian's headless Chromium at a phone's viewport
 * (390 × 844): `/public` opens it without log-in; a current warning shows in the list and is
 * drawn on the map in its colour; the demo risk area, a published bulletin and the nearest
 * shelter (from the browser's location) show; the language switch turns the page to English.
 * The data comes in through the real APIs (warning, bulletin) and the demo loader (shelters, risk area).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CHROMIUM, apiHeaders, apiRequest, ensureWebBuilt, launchChromium, screenshot } from './browser-support.js';
import { publishWuhanYellowWarning } from './demo-warning.js';
import { startTestServer, systemContext } from '../../src/testing/server.js';
import { loadPublicInformationDemo } from '../../src/demo/public-information-demo.js';
import { loadHubeiDemoGeometry } from '../../src/jurisdictions/demo-geometry.js';

interface MapHandle {
  loaded(): boolean;
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> | null }[];
}
declare const window: { __seamlessMap?: MapHandle };
declare const document: { documentElement: { scrollWidth: number } };

const EXPECTED_PROBLEM = /favicon|status of 401/;

/** Yesterday's bulletin for Wuhan: drafted by the duty officer, approved and published by the province's commander. */
async function publishBulletin(url: string): Promise<void> {
  const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  const drafted = await apiRequest(url, await apiHeaders(url, 'wuhan.duty'), 'POST', '/api/v1/bulletins', { jurisdictionCode: '4201', period: yesterday });
  assert.ok(drafted.status === 201 || drafted.status === 200, JSON.stringify(drafted.json));
  const commander = await apiHeaders(url, 'hubei.commander');
  assert.equal((await apiRequest(url, commander, 'POST', `/api/v1/bulletins/${String(drafted.json.id)}/approve`, {})).status, 200);
  assert.equal((await apiRequest(url, commander, 'POST', `/api/v1/bulletins/${String(drafted.json.id)}/publish`, {})).status, 200);
}

test('public portal on a phone: warnings on the map and in the list, risk areas, a bulletin, the nearest shelter, English', { timeout: 240_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startTestServer({ demo: true });
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    // Loaded here until src/demo/load-demo.ts calls it; then this finds the shelters there and adds nothing.
    const demo = await loadPublicInformationDemo(systemContext(server.runtime));
    assert.ok(demo.shelters === 4 || demo.shelters === 0, JSON.stringify(demo));
    const byCode = (await (await fetch(`${server.url}/public/shelters?jurisdiction=4201&limit=10`)).json()) as { items: unknown[] };
    assert.equal(byCode.items.length, 4, 'the four demo shelters in Wuhan');
    // The demo has its own yellow warning for Wuhan: the test follows the one it publishes.
    const identifier = await publishWuhanYellowWarning(server.url);
    await publishBulletin(server.url);

    const redirect = await fetch(`${server.url}/public`, { redirect: 'manual' });
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), '/#/public');

    const wuhanCentroid = loadHubeiDemoGeometry().find((u) => u.code === '420100000000')!.centroid!;
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      geolocation: { longitude: wuhanCentroid[0], latitude: wuhanCentroid[1] + 0.01 },
      permissions: ['geolocation'],
    });
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    await page.goto(`${server.url}/public`);
    await page.locator('[data-testid="alert-list"]').waitFor();
    assert.equal(await page.locator('input[name="username"]').count(), 0, 'no log-in');
    const alert = page.locator(`[data-testid="alert-list"] li[data-identifier="${identifier}"]`);
    assert.equal(await alert.getAttribute('data-colour'), 'yellow');
    assert.match((await alert.textContent()) ?? '', /武汉市暴雨黄色预警/);

    // The warning is drawn on the map, in its colour.
    await page.locator('[data-testid="portal-map"]:not([data-alert-features="0"])[data-alert-features]').waitFor();
    await page.waitForFunction(() => {
      const map = window.__seamlessMap;
      return !!map && map.loaded() && map.queryRenderedFeatures({ layers: ['portal-alert-areas', 'portal-alert-points'] }).length > 0;
    }, undefined, { timeout: 30_000 });
    const drawn = await page.evaluate(() => window.__seamlessMap!.queryRenderedFeatures({ layers: ['portal-alert-areas', 'portal-alert-points'] }).map((f) => f.properties?.colour));
    assert.ok(drawn.every((colour) => colour === 'yellow'), `drawn colours: ${drawn.join(',')}`);

    // Risk areas, the bulletin, the nearest shelter.
    assert.match((await page.locator('[data-testid="risk-area-list"] li[data-level="medium"]').textContent()) ?? '', /【演示】社区出现聚集性发热病例/);
    await page.locator('[data-testid="bulletin"]').first().waitFor();
    assert.match((await page.locator('[data-testid="bulletin"] h3').first().textContent()) ?? '', /^武汉市\d{4}年\d{1,2}月\d{1,2}日突发事件情况通报$/);
    await page.click('[data-testid="use-location"]');
    const nearest = page.locator('[data-testid="shelter-list"] [data-testid="shelter"]').first();
    await nearest.waitFor();
    assert.match((await nearest.textContent()) ?? '', /武汉市中心点避难场所.*1\.1 公里/);

    // Mobile: nothing wider than the screen.
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scrolling at 390 px');
    await screenshot(page, 'public-portal-zh.png');

    // English.
    await page.selectOption('[data-testid="language-switch"]', 'en');
    await page.locator('h2', { hasText: 'Current warnings' }).waitFor();
    assert.match((await alert.textContent()) ?? '', /Yellow rainstorm warning for Wuhan/);
    assert.match((await page.locator('[data-testid="bulletin"] h3').first().textContent()) ?? '', /^Wuhan: situation bulletin for \d{1,2} [A-Z][a-z]+ \d{4}$/);
    assert.match((await page.locator('[data-testid="risk-area-list"]').textContent()) ?? '', /Medium risk/);
    assert.match((await nearest.textContent()) ?? '', /\[Demo\] Shelter at the Wuhan city centroid.*1\.1 km/);
    await screenshot(page, 'public-portal-en.png');

    // The report form is still one tap away.
    await page.click('a.header-link[href="#/public/report"]');
    await page.locator('form.report-form').waitFor();

    // The officers' side: Wuhan's duty officer sees the designation and updates a shelter's count.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const officer = await desk.newPage();
    officer.setDefaultTimeout(20_000);
    officer.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await officer.goto(`${server.url}/`);
    await officer.fill('input[name="username"]', 'wuhan.duty');
    await officer.fill('input[name="password"]', 'seamless-demo');
    await officer.click('button[type="submit"]');
    await officer.locator('nav a[data-page="information"]').click();
    await officer.locator('[data-testid="risk-area-table"] td', { hasText: '420102002000' }).waitFor();
    await officer.click('[role="tab"]:nth-child(3)');
    const row = officer.locator('[data-testid="shelter-table"] tr', { hasText: '武汉市中心点' });
    await row.locator('input[type="number"]').fill('500');
    await row.locator('button[type="submit"]').click();
    await officer.locator('[data-testid="shelter-table"] tr', { hasText: '武汉市中心点' }).locator('td', { hasText: '已满' }).waitFor();
    const after = (await (await fetch(`${server.url}/public/shelters/nearest?lat=${wuhanCentroid[1]}&lon=${wuhanCentroid[0]}`)).json()) as { items: { nameZh: string }[] };
    assert.ok(!after.items.some((s) => s.nameZh.includes('武汉市中心点')), 'a full shelter leaves the finder');

    assert.deepEqual(problems.filter((p) => !EXPECTED_PROBLEM.test(p)), []);
  } finally {
    await browser.close();
    await server.close();
  }
});
