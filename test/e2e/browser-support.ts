/** What the browser tests share: where Chromium is, its flags, the server and the web build. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
