/** What the browser tests share: where Chromium is, its flags, the server and the web build. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
export function ensureWebBuilt(): void {
  if (existsSync(path.join(REPO_ROOT, 'web/dist/index.html'))) return;
  execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
