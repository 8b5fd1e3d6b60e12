/**
 * End-to-end check of the web shell in Debian's headless Chromium: log in as the demo admin,
 * switch languages, walk the jurisdiction tree down to Xiantao and find it drawn on the map.
 *
 * Runs against the real server with demo data (`startTestServer({ demo: true })`); set
 * SEAMLESS_E2E_URL to point it at a server that is already running instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BROWSER_ARGS, CHROMIUM, OUTPUT_DIR, ensureWebBuilt, startServer } from './browser-support.js';
import { chromium, type Page } from 'playwright-core';

const HUBEI = '420000000000';
const DIRECT_COUNTIES = '429000000000';
const XIANTAO = '429004000000';

/** The part of MapLibre's map the test uses; the web app exposes it as `window.__seamlessMap`. */
interface MapHandle {
  loaded(): boolean;
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> | null }[];
}

// The callbacks given to page.evaluate run in the browser; the server's tsconfig has no DOM
// types, so declare the two browser globals they touch.
declare const window: { __seamlessMap?: MapHandle };
declare const localStorage: { getItem(key: string): string | null };




const treeLabel = (code: string) => `li[data-code="${code}"] > .tree-row > .tree-label`;

/** Codes of the jurisdiction features MapLibre has actually drawn. */
function renderedCodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__seamlessMap;
    if (!map) return [];
    const layers = ['jurisdiction-fill', 'jurisdiction-line', 'jurisdiction-points'];
    return map.queryRenderedFeatures({ layers }).map((feature) => String(feature.properties?.code));
  });
}

test('web shell: log in, switch language, find Xiantao in the tree and on the map', { timeout: 180_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: BROWSER_ARGS,
  });
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    // Log in as the demo admin.
    await page.goto(`${server.url}/`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', 'seamless-demo');
    await page.click('button[type="submit"]');
    const jurisdictionsLink = page.locator('nav a[data-page="jurisdictions"]');
    await jurisdictionsLink.waitFor();
    assert.equal(await jurisdictionsLink.textContent(), '行政区划');
    assert.match((await page.locator('.brand').textContent()) ?? '', /Seamless \/ 无缝应急/);

    // English and back; the choice is remembered in localStorage.
    await page.selectOption('[data-testid="language-switch"]', 'en');
    await page.locator('nav a[data-page="jurisdictions"]', { hasText: 'Jurisdictions' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('seamless.language')), 'en');
    await page.selectOption('[data-testid="language-switch"]', 'zh-CN');
    await page.locator('nav a[data-page="jurisdictions"]', { hasText: '行政区划' }).waitFor();

    // Hubei → 省直辖县级行政区划 → 仙桃市.
    await jurisdictionsLink.click();
    for (const code of [HUBEI, DIRECT_COUNTIES, XIANTAO]) {
      await page.locator(treeLabel(code)).click();
      await page.locator(`.unit-details[data-code="${code}"]`).waitFor();
    }
    assert.match((await page.locator('.unit-details h2').textContent()) ?? '', /仙桃/);
    assert.equal(await page.locator(`li[data-code="${XIANTAO}"] > .tree-row.is-selected`).count(), 1);

    // MapLibre has drawn Xiantao's boundary.
    await page.waitForFunction(
      (code) => {
        const map = window.__seamlessMap;
        if (!map || !map.loaded()) return false;
        const features = map.queryRenderedFeatures({ layers: ['jurisdiction-fill', 'jurisdiction-line', 'jurisdiction-points'] });
        return features.some((feature) => feature.properties?.code === code);
      },
      XIANTAO,
      { timeout: 30_000 },
    );
    const codes = await renderedCodes(page);
    assert.ok(codes.includes(XIANTAO), `rendered codes: ${[...new Set(codes)].join(', ')}`);

    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'web-shell.png'), fullPage: true });
    assert.deepEqual(
      // The first GET /api/v1/me answers 401 before log-in: expected, and logged by Chromium.
      problems.filter((problem) => !/favicon|status of 401/.test(problem)),
      [],
      'the page logged no errors',
    );
    await context.close();
  } catch (error) {
    if (problems.length > 0) console.error(problems.join('\n'));
    throw error;
  } finally {
    await browser.close();
    await server.close();
  }
});
