/**
 * What the browser tests share: where Chromium is, its flags, the server, the web build, logging
 * in (through the page or the API), API calls and screenshots.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT_DIR = path.join(REPO_ROOT, 'test-output');

/** Debian's Chromium headless, kept off the network it cannot reach; WebGL through SwiftShader. */
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // WebGL for MapLibre without a GPU
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** The password of every demo user (src/demo). */
export const DEMO_PASSWORD = 'seamless-demo';

/** Headless Chromium with the flags above. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
}

/** A full-page screenshot into test-output/, for a person to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, name), fullPage: true });
}

/** Fills and sends the log-in form at `url`; the caller waits for the page it expects next. */
export async function signIn(page: Page, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${url}/`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
}

/** Logs in through the API and returns a bearer token. */
export async function apiToken(url: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(response.status, 200, `log-in as ${username}`);
  return ((await response.json()) as { token: string }).token;
}

/** Logs in through the API and returns the headers of a JSON request as that user. */
export async function apiHeaders(url: string, username: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await apiToken(url, username)}`, 'content-type': 'application/json' };
}

/** A JSON request with the given headers; an empty answer reads as `{}`. */
export async function apiRequest(url: string, headers: Record<string, string>, method: string, route: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A request as the holder of `token`, with a JSON body when one is given; the answer parsed as JSON. */
export async function apiCall<T>(url: string, token: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** The real server with demo data, or the one SEAMLESS_E2E_URL points at. */
export async function startServer(): Promise<RunningServer> {
  const external = process.env.SEAMLESS_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ''), close: async () => {} };
  const { startTestServer } = await import('../../src/testing/server.js');
  return startTestServer({ demo: true });
}

/** Builds web/dist once when it is missing. */
/** The newest modification time of any file under `dir`. */
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isWebBuildCurrent(): boolean {
  const built = path.join(REPO_ROOT, 'web/dist/index.html');
  return existsSync(built) && statSync(built).mtimeMs >= newestChange(path.join(REPO_ROOT, 'web/src'));
}

/**
 * Builds the web app when it is missing or older than its sources (a stale build would hide new
 * pages). Browser suites run in parallel, so one builds under a lock directory and the others wait.
 */
export function ensureWebBuilt(): void {
  if (isWebBuildCurrent()) return;
  const lock = path.join(REPO_ROOT, 'web/.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      // A lock older than any build is left over from a killed run.
      if (held !== undefined && Date.now() - held.mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (!isWebBuildCurrent()) execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
