// Durability: a real `seamless serve` process (SQLite, synchronous=FULL) takes reports from
// several concurrent clients, each with its own Idempotency-Key; it is killed with SIGKILL in the
// middle of the stream and restarted on the same data folder. Every report acknowledged with a
// 201 before the kill must be there afterwards, and retrying the keys that were never
// acknowledged must not create duplicates. Every wait is bounded.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/seamless.mjs');
const ENV = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', SEAMLESS_AUDIT_KEY: 'durability-test-audit-key' };
const CLIENTS = 8;
const PASSWORD = 'durability-password-1';

interface Server {
  readonly process: ChildProcess;
  readonly url: string;
}

/** Starts `seamless serve --port 0` and resolves with its URL once it prints it (at most 60 s). */
function startServer(dataDir: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ process: child, url: match[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}

function killHard(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolvePromise();
    server.process.once('exit', () => resolvePromise());
    server.process.kill('SIGKILL');
  });
}

function reportBody(key: string) {
  return { type: 'flood', jurisdictionCode: '0', observedAt: '2024-07-01T00:00:00Z', description: `durability ${key}` };
}

async function post(url: string, token: string, key: string): Promise<Response> {
  return fetch(`${url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(reportBody(key)),
    signal: AbortSignal.timeout(10_000),
  });
}

describe('intake durability under SIGKILL (SQLite, real server process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'seamless-durability-'));
  let server: Server | undefined;
  after(async () => {
    if (server !== undefined) await killHard(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('every acknowledged report survives a kill -9; retries of unacknowledged keys do not duplicate', { timeout: 180_000 }, async () => {
    await promisify(execFile)(process.execPath, [CLI, 'admin', 'create', '-u', 'durability', '-p', PASSWORD, '-d', dataDir], { env: ENV, timeout: 60_000 });
    server = await startServer(dataDir);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'durability', password: PASSWORD }),
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(login.status, 200);
    const { token } = (await login.json()) as { token: string };

    const acknowledged = new Map<string, { id: string; receiptNo: string }>();
    const unacknowledged = new Set<string>();
    let stop = false;
    const url = server.url;
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; !stop; n++) {
        const key = `durability-${client}-${n}`;
        try {
          const response = await post(url, token, key);
          if (response.status === 201) {
            const receipt = (await response.json()) as { id: string; receiptNo: string };
            acknowledged.set(key, { id: receipt.id, receiptNo: receipt.receiptNo });
          } else {
            unacknowledged.add(key);
          }
        } catch {
          // The server died mid-request: the client does not know whether it was stored.
          unacknowledged.add(key);
          return;
        }
      }
    });
    // Kill once a good number have been acknowledged (or after 20 s at most).
    const deadline = Date.now() + 20_000;
    while (acknowledged.size < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await killHard(server);
    stop = true;
    await Promise.all(clients);
    assert.ok(acknowledged.size >= 50, `only ${acknowledged.size} reports acknowledged before the kill`);

    server = await startServer(dataDir);
    // Every acknowledged report is there, unchanged.
    const missing: string[] = [];
    for (const [key, receipt] of acknowledged) {
      const response = await fetch(`${server.url}/api/v1/reports/${receipt.id}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
      if (response.status !== 200) missing.push(`${key}: ${response.status}`);
      else assert.equal(((await response.json()) as { report: { receiptNo: string } }).report.receiptNo, receipt.receiptNo);
    }
    assert.deepEqual(missing, []);

    // Retrying the unacknowledged keys stores each once; retrying acknowledged ones returns the first receipt.
    const retried = [...unacknowledged, ...[...acknowledged.keys()].slice(0, 20)];
    const byKey = new Map<string, string>();
    for (const key of retried) {
      const response = await post(server.url, token, key);
      assert.equal(response.status, 201, key);
      const receipt = (await response.json()) as { id: string; receiptNo: string };
      byKey.set(key, receipt.id);
      const first = acknowledged.get(key);
      if (first !== undefined) assert.equal(receipt.receiptNo, first.receiptNo);
    }
    // Count the reports: one per key that ever got a 201, no more.
    const ids = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const response = await fetch(`${server.url}/api/v1/reports?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
      const body = (await response.json()) as { items: { id: string; description: string }[]; nextCursor: string | null };
      for (const item of body.items) ids.add(item.id);
      cursor = body.nextCursor;
      if (cursor === null) break;
    }
    const keys = new Set([...acknowledged.keys(), ...unacknowledged]);
    assert.equal(ids.size, keys.size, `${ids.size} reports for ${keys.size} keys`);
    for (const id of byKey.values()) assert.ok(ids.has(id));
    console.log(`durability: ${acknowledged.size} acknowledged before SIGKILL, ${unacknowledged.size} in flight; all present after restart, ${ids.size} reports for ${keys.size} keys`);
  });
});
