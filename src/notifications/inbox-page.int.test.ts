/**
 * End-to-end check of the inbox page in Debian's headless Chromium, on the real server with demo
 * data: Wuhan's duty officer opens #/inbox; a task notification is queued for them on the server
 * and appears on the open page without a reload (dispatcher → in-app channel → live stream); they
 * mark it read, subscribe to warnings for Jiang'an by e-mail, and see the subscription listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CHROMIUM, ensureWebBuilt, launchChromium, signIn } from '../../test/e2e/browser-support.js';
import { startTestServer, systemContext } from '../testing/server.js';
import { withUnitOfWork } from '../platform/context.js';
import { notifyUsers } from './service.js';

test('inbox: a notification arrives live, is marked read; a subscription is created from the form', { timeout: 180_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const server = await startTestServer({ demo: true });
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await signIn(page, server.url, 'wuhan.duty');
    await page.locator('nav a[data-page="inbox"]').waitFor();
    await page.goto(`${server.url}/#/inbox`);
    await page.locator('[data-testid="subscription-form"]').waitFor();
    const before = await page.locator('[data-testid="inbox-item"]').count();

    const ctx = systemContext(server.runtime);
    const user = await ctx.db.selectFrom('users').select('id').where('username', '=', 'wuhan.duty').executeTakeFirstOrThrow();
    const nonce = `e2e-${Date.now().toString(36)}`;
    await withUnitOfWork(ctx, (unit) =>
      notifyUsers(ctx, unit, { kind: 'task.assigned', userIds: [user.id], subject: { zh: `新任务 ${nonce}`, en: `New task ${nonce}` }, body: { zh: '核查江岸区积水点', en: 'Check flooding in Jiang’an' }, ref: { type: 'task', id: nonce } }),
    );
    // No reload: the live stream tells the page, which fetches its inbox again.
    const item = page.locator('[data-testid="inbox-item"]', { hasText: nonce });
    await item.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid="inbox-item"]').count(), before + 1);
    await item.getByRole('button').click();
    await page.locator('[data-testid="inbox-item"].unread', { hasText: nonce }).waitFor({ state: 'detached' });

    const form = page.locator('[data-testid="subscription-form"]');
    await form.locator('select[name="channel"]').selectOption('email');
    await form.locator('input[name="address"]').fill('duty.officer@example.org');
    await form.locator('input[name="jurisdictionCode"]').fill('420102');
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-testid="subscription-list"]', { hasText: 'duty.officer@example.org' }).waitFor();
    const stored = await ctx.db.selectFrom('notification_subscriptions').select(['channel', 'jurisdiction_code']).where('owner_user_id', '=', user.id).execute();
    assert.deepEqual(stored, [{ channel: 'email', jurisdiction_code: '420102000000' }]);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
