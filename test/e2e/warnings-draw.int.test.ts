/**
 * End-to-end check of drawing a warning's area on the compose form's map, in Debian's headless
 * Chromium, with live refresh of the list and the detail page:
 * (a) Hubei's duty officer clicks Wuhan on the map: its code joins the area codes; a second
 *     click takes it out again;
 * (b) draws a triangle by clicking three vertices and then the first one again: the polygons
 *     field and the CAP XML preview hold one closed ring of four "lat,lon" pairs near the clicked
 *     points; then places a circle (centre click + radius);
 * (c) a second officer's page on the warning list shows the saved draft without a reload, and
 *     its detail page turns to "published" when the first officer publishes;
 * (d) the published CAP XML at /public/alerts/<identifier>.xml carries the ring and validates
 *     against the CAP 1.2 XSD.
 *
 * Runs against the real server with demo data (Hubei and its prefectures have geometry: see
 * src/jurisdictions/demo-geometry.ts); SEAMLESS_E2E_URL points it at a running server instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM, OUTPUT_DIR, ensureWebBuilt, startServer } from './browser-support.js';
import { validateCap } from '../../src/warnings/cap/validate.js';

const PASSWORD = 'seamless-demo';
const WUHAN = '420100000000';
/** Wuhan's centroid (ECharts' `cp` in data/demo/hubei-prefectures.geojson), inside Wuhan. */
const WUHAN_CENTRE: [number, number] = [114.298572, 30.584355];
/** The triangle the officer draws, [lon, lat] as on a map; all three lie inside Hubei. */
const TRIANGLE: [number, number][] = [
  [112.6, 30.9],
  [113.6, 30.9],
  [113.1, 31.5],
];
const CIRCLE_CENTRE: [number, number] = [111.3, 30.7];
/** A click lands on a pixel: at the zoom that shows Hubei a pixel is about 0.005°. */
const TOLERANCE_DEG = 0.03;

interface MapHandle {
  loaded(): boolean;
  project(lngLat: [number, number]): { x: number; y: number };
}
// page.evaluate callbacks run in the browser; the server's tsconfig has no DOM types.
declare const window: { __seamlessMap?: MapHandle };

async function logIn(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${url}/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.locator('nav a[data-page="warnings"]').waitFor();
  return page;
}

/** Clicks the map where [lon, lat] is drawn now. */
async function clickAt(page: Page, lonLat: [number, number]): Promise<void> {
  const canvas = page.locator('[data-testid="area-map"] canvas');
  await canvas.scrollIntoViewIfNeeded();
  const point = await page.evaluate((at) => window.__seamlessMap!.project(at), lonLat);
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out: ${what}`);
}

/** "lat,lon lat,lon …" → [[lat, lon], …]. */
const capPairs = (text: string) => text.trim().split(/\s+/).map((pair) => pair.split(',').map(Number));

function assertNear(actual: number[], expected: [lat: number, lon: number], what: string): void {
  assert.equal(actual.length, 2, what);
  assert.ok(Math.abs(actual[0]! - expected[0]) <= TOLERANCE_DEG && Math.abs(actual[1]! - expected[1]) <= TOLERANCE_DEG, `${what}: ${actual.join(',')} should be near ${expected.join(',')} (lat,lon)`);
}

test('warnings: draw units, a polygon and a circle on the map; the list and detail refresh live', { timeout: 300_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
  const problems: string[] = [];
  const nonce = Date.now().toString(36);
  const headline = `湖北省暴雨黄色预警（绘制区域）${nonce}`;
  try {
    const officer = await logIn(browser, server.url, 'hubei.duty');
    officer.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    const watcher = await logIn(browser, server.url, 'hubei.commander');
    watcher.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await watcher.goto(`${server.url}/#/warnings`);
    await watcher.locator('[data-testid="warning-list"]').waitFor();

    await officer.goto(`${server.url}/#/warnings/new`);
    await officer.locator('[data-testid="area-map"][data-units]').waitFor();
    await officer.waitForFunction(() => window.__seamlessMap?.loaded() === true);

    // ------------------------------------------------------------ (a) click a unit in and out
    const codes = officer.locator('[data-testid="compose-areaCodes"]');
    await clickAt(officer, WUHAN_CENTRE);
    const hasWuhan = async () => (await codes.inputValue()).split(' ').includes(WUHAN);
    await waitUntil(hasWuhan, 'the click adds Wuhan');
    await clickAt(officer, WUHAN_CENTRE);
    await waitUntil(async () => !(await hasWuhan()), 'a second click takes Wuhan out');
    await clickAt(officer, WUHAN_CENTRE);
    assert.ok((await codes.inputValue()).split(' ').includes(WUHAN));

    // ------------------------------------------------------------ (b) a polygon, then a circle
    await officer.click('[data-testid="area-mode-polygon"]');
    for (const vertex of TRIANGLE) await clickAt(officer, vertex);
    await officer.locator('[data-testid="area-map"][data-vertices="3"]').waitFor();
    await clickAt(officer, TRIANGLE[0]!); // back on the first vertex: closes the ring
    await officer.locator('[data-testid="area-map"][data-drawn="1"]').waitFor();
    const ringText = (await officer.inputValue('[data-testid="compose-polygons"]')).trim();
    const ring = capPairs(ringText);
    assert.equal(ring.length, 4, `a closed triangle is four pairs: ${ringText}`);
    assert.deepEqual(ring[3], ring[0], 'the ring is closed');
    TRIANGLE.forEach(([lon, lat], index) => assertNear(ring[index]!, [lat, lon], `vertex ${index}`));

    await officer.click('[data-testid="area-mode-circle"]');
    await clickAt(officer, CIRCLE_CENTRE);
    await officer.fill('[data-testid="area-radius"]', '12');
    await officer.click('[data-testid="area-add-circle"]');
    const circleText = (await officer.inputValue('[data-testid="compose-circles"]')).trim();
    const [centre = '', radius] = circleText.split(/\s+/);
    assertNear(capPairs(centre)[0]!, [CIRCLE_CENTRE[1], CIRCLE_CENTRE[0]], 'circle centre');
    assert.equal(radius, '12');

    await officer.fill('[data-testid="compose-eventZh"]', '暴雨');
    await officer.fill('[data-testid="compose-eventEn"]', 'Rainstorm');
    await officer.fill('[data-testid="compose-headlineZh"]', headline);
    await officer.fill('[data-testid="compose-descriptionZh"]', '预计未来6小时内绘制区域内降雨量将达50毫米以上。');
    await officer.fill('[data-testid="compose-areaDescription"]', '江汉平原北部');
    await officer.locator('[data-testid="compose-validity"]', { hasText: '校验通过' }).waitFor();
    await officer.locator('[data-testid="compose-xml"]', { hasText: headline }).waitFor();
    const preview = (await officer.locator('[data-testid="compose-xml"]').textContent()) ?? '';
    assert.ok(preview.includes(`<polygon>${ringText}</polygon>`), `the preview carries the drawn ring in lat,lon order:\n${preview}`);
    assert.ok(preview.includes(`<circle>${circleText}</circle>`), 'the preview carries the circle');
    assert.deepEqual(await validateCap(preview), [], 'the preview is valid CAP 1.2');

    // ------------------------------------------------------------ (c) live refresh
    await officer.click('[data-testid="compose-save"]');
    await officer.waitForURL(/#\/warnings\/[0-9A-Z]{26}$/);
    const id = decodeURIComponent(officer.url().split('/').pop()!);
    await watcher.locator(`[data-testid="warning-list"] tr[data-warning-id="${id}"]`).waitFor(); // no reload
    await watcher.goto(`${server.url}/#/warnings/${id}`);
    await watcher.locator('[data-testid="warning-state"]', { hasText: '草稿' }).waitFor();

    await officer.click('[data-testid="action-publish"]');
    await officer.locator('[data-testid="warning-state"]', { hasText: '已发布' }).waitFor();
    await watcher.locator('[data-testid="warning-state"]', { hasText: '已发布' }).waitFor(); // no reload
    const identifier = (await watcher.locator('[data-testid="warning-identifier"]').textContent())!.trim();

    // ------------------------------------------------------------ (d) the published CAP
    const published = await fetch(`${server.url}/public/alerts/${identifier}.xml`);
    assert.equal(published.status, 200);
    const xml = await published.text();
    assert.ok(xml.includes(`<polygon>${ringText}</polygon>`), 'the published message carries the drawn ring');
    assert.ok(xml.includes(`<geocode>`), 'and the clicked unit as a geocode');
    assert.deepEqual(await validateCap(xml), [], 'the published message is valid CAP 1.2');
    assert.deepEqual(problems, []);
  } catch (error) {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    for (const [index, context] of browser.contexts().entries()) {
      for (const [pageIndex, open] of context.pages().entries()) {
        await open.screenshot({ path: path.join(OUTPUT_DIR, `warnings-draw-failure-${index}-${pageIndex}.png`), fullPage: true }).catch(() => undefined);
      }
    }
    throw error;
  } finally {
    await browser.close();
    await server.close();
  }
});
