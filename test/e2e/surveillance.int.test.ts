/**
 * End-to-end check of the surveillance page `#/surveillance` in Debian's headless Chromium:
 * Wuhan's demo analyst opens the page; the ECharts chart of the simulated Jiang'an ILI series
 * holds the observed counts, Farrington's upper bounds and alarms the API computes (and is
 * painted); the recent alarms are listed under their jurisdiction; a changed method parameter
 * is saved, survives a reload and changes the thresholds drawn.
 *
 * Runs against the real server with demo data (`startTestServer({ demo: true })`), to which it
 * adds the surveillance demo (`loadSurveillanceDemo`, a no-op when the demo already has it); set
 * SEAMLESS_E2E_URL to point it at a running demo server instead.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CHROMIUM, apiCall, apiToken, ensureWebBuilt, launchChromium, screenshot, signIn, type RunningServer } from './browser-support.js';

const JIANGAN = '420102000000';

interface ChartSeriesOption {
  name: string;
  data: (number | null)[];
}
interface ChartHandle {
  getOption(): { series: ChartSeriesOption[]; xAxis: { data: string[] }[] };
  getDom(): { querySelector(selector: string): CanvasLike | null };
}
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
// The callbacks given to page.evaluate run in the browser; the server's tsconfig has no DOM types.
declare const window: { __seamlessSurveillanceChart?: ChartHandle };

interface Point {
  period: string;
  observed: number;
  upperbound: number | null;
  alarm: boolean;
}
interface SeriesBody {
  id: string;
  jurisdictionCode: string;
  indicator: string;
  methods: { method: string; params: Record<string, unknown> }[];
}

/** The demo server, with the surveillance demo loaded into it when it runs in this process. */
async function startDemoServer(): Promise<RunningServer> {
  const external = process.env.SEAMLESS_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), close: async () => {} };
  const { startTestServer, systemContext } = await import('../../src/testing/server.js');
  const { loadSurveillanceDemo } = await import('../../src/surveillance/demo.js');
  const server = await startTestServer({ demo: true });
  await loadSurveillanceDemo(systemContext(server.runtime));
  return server;
}

/** What the page's ECharts instance holds, once it holds `length` periods. */
async function chartData(page: Page, length: number): Promise<{ periods: string[]; observed: (number | null)[]; upper: (number | null)[]; alarms: (number | null)[] }> {
  await page.waitForFunction((n) => window.__seamlessSurveillanceChart?.getOption().xAxis[0]?.data.length === n, length, { timeout: 30_000 });
  return page.evaluate(() => {
    const option = window.__seamlessSurveillanceChart!.getOption();
    const [observed, upper, alarms] = option.series;
    return { periods: option.xAxis[0]!.data, observed: observed!.data, upper: upper!.data, alarms: alarms!.data };
  });
}

const sameNumber = (a: number | null | undefined, b: number | null) => (a === null || a === undefined ? b === null : b !== null && Math.abs(a - b) < 1e-9);

test('surveillance page: chart, alarms by jurisdiction, method settings saved', { timeout: 300_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startDemoServer();
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const token = await apiToken(server.url, 'wuhan.analyst');
    const catalog = await apiCall<{ items: SeriesBody[] }>(server.url, token, 'GET', '/api/v1/surveillance/catalog?within=4201');
    assert.equal(catalog.status, 200);
    const series = catalog.body.items.find((s) => s.jurisdictionCode === JIANGAN && s.methods[0]?.method === 'farrington');
    assert.ok(series, 'the demo has a Jiang\'an series configured with Farrington');
    const farrington = series.methods[0]!;
    const expected = await apiCall<Point[]>(server.url, token, 'POST', `/api/v1/surveillance/series/${series.id}/detect`, { method: 'farrington', params: farrington.params });
    assert.equal(expected.status, 200);

    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/favicon|status of 401|EventSource/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    await signIn(page, server.url, 'wuhan.analyst');
    await page.locator('nav a[data-page="surveillance"]').click();
    await page.locator('[data-testid="series-picker"]').waitFor();
    await page.selectOption('[data-testid="series-picker"]', series.id);

    // The chart holds exactly what the API computes: observed, upper bound (null = not monitored), alarms.
    const drawn = await chartData(page, expected.body.length);
    assert.deepEqual(drawn.periods, expected.body.map((p) => p.period));
    assert.deepEqual(drawn.observed, expected.body.map((p) => p.observed));
    expected.body.forEach((point, i) => {
      assert.ok(sameNumber(drawn.upper[i], point.upperbound), `upper bound of ${point.period}: ${drawn.upper[i]} vs ${point.upperbound}`);
      assert.equal(drawn.alarms[i] ?? null, point.alarm ? point.observed : null, `alarm of ${point.period}`);
    });
    assert.ok(drawn.upper.filter((u) => u !== null).length >= 40, 'Farrington monitors most of the last year');
    const lastAlarm = expected.body.findLastIndex((p) => p.alarm);
    assert.ok(lastAlarm >= expected.body.length - 2, 'the simulated outbreak of the last two weeks is an alarm');
    // ECharts painted: the canvas has non-background pixels.
    const painted = await page.evaluate(() => {
      const canvas = window.__seamlessSurveillanceChart!.getDom().querySelector('canvas');
      const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 3; pixels && i < pixels.length; i += 4) if (pixels[i]! > 0) ink++;
      return ink;
    });
    assert.ok(painted > 1000, `the chart canvas is painted (${painted} pixels)`);

    // The recent alarms, grouped under their jurisdiction's name.
    const jiangan = page.locator('[data-testid="alarm-list"] section[aria-label="江岸区"]');
    await jiangan.locator('h3', { hasText: '江岸区' }).waitFor();
    assert.ok((await jiangan.locator('li[data-alarm-id]').count()) >= 1);
    assert.match((await jiangan.locator('li[data-alarm-id]').first().textContent()) ?? '', /Farrington|EARS C2/);
    await screenshot(page, 'surveillance-page.png');

    // A stricter alpha for Farrington: saved, kept after a reload, and the thresholds rise.
    const alpha = page.locator('fieldset[data-method="farrington"] input[name="farrington-alpha"]');
    await alpha.fill('0.001');
    await page.locator('form.methods-form button[type="submit"]').click();
    await page.locator('form.methods-form [role="status"]').waitFor();
    const stored = await apiCall<{ items: SeriesBody[] }>(server.url, token, 'GET', '/api/v1/surveillance/catalog?within=4201');
    const saved = stored.body.items.find((s) => s.id === series.id)!;
    assert.deepEqual(saved.methods.find((m) => m.method === 'farrington')?.params, { ...farrington.params, alpha: 0.001 });
    const redrawn = await page.waitForFunction(
      (before) => {
        const upper = window.__seamlessSurveillanceChart?.getOption().series[1]?.data ?? [];
        return upper.some((u, i) => u !== null && before[i] !== null && u > before[i]!) ? upper : false;
      },
      drawn.upper,
      { timeout: 30_000 },
    );
    const higher = (await redrawn.jsonValue()) as (number | null)[];
    assert.ok(higher.every((u, i) => u === null || drawn.upper[i] === null || u >= drawn.upper[i]! - 1e-9), 'a smaller alpha never lowers a threshold');
    await page.reload();
    await page.locator('[data-testid="series-picker"]').waitFor();
    await page.selectOption('[data-testid="series-picker"]', series.id);
    await page.locator('fieldset[data-method="farrington"] input[name="farrington-alpha"]').waitFor();
    assert.equal(await page.locator('fieldset[data-method="farrington"] input[name="farrington-alpha"]').inputValue(), '0.001');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
