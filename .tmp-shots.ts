import { chromium } from 'playwright-core';
import { startTestServer } from '/work/main/src/testing/server.js';
const server = await startTestServer({ demo: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('seamless.language', 'en'));
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  await page.goto(`${server.url}/#/public/register`);
  await page.fill('form input >> nth=0', 'Dr Li');
  await page.click('form button[type="submit"]');
  await page.locator('[data-testid="registered-as"]').waitFor();
  await page.screenshot({ path: '/tmp/ewshots/register-en.png', fullPage: true });
  await page.goto(`${server.url}/#/public/report`);
  await page.selectOption('select[name="type"]', 'disease_cluster');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/ewshots/public-en.png', fullPage: true });
  await page.goto(`${server.url}/`);
  await page.fill('input[name="username"]', 'admin');
  await page.fill('input[name="password"]', 'seamless-demo');
  await page.click('button[type="submit"]');
  await page.locator('nav a[data-page="triage"]').click();
  await page.waitForTimeout(1500);
  const first = page.locator('button.queue-item').first();
  if (await first.count()) await first.click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/ewshots/triage-en.png', fullPage: true });
  await page.locator('nav a[data-page="incidents"]').click();
  await page.waitForTimeout(2000);
  await page.screenshot({ path: '/tmp/ewshots/incidents-en.png', fullPage: true });
} finally {
  await browser.close();
  await server.close();
}
