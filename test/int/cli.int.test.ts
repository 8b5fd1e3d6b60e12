// The `seamless` command as a user runs it: a real process on a temp data folder (SQLite).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/seamless.mjs');

function seamless(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...rest, LOG_LEVEL: 'silent', ...env }, timeout: 120_000 });
}

describe('seamless CLI (sqlite)', () => {
  let data: string;
  before(() => {
    data = mkdtempSync(join(tmpdir(), 'seamless-cli-'));
  });
  after(() => rmSync(data, { recursive: true, force: true }));

  test('--help lists every command, and each command has its own help', () => {
    const help = seamless(['--help']);
    assert.equal(help.status, 0, help.stderr);
    for (const command of ['serve', 'migrate', 'admin', 'import', 'demo', 'audit', 'detect', 'cap']) assert.match(help.stdout, new RegExp(`\\n  ${command}\\b`));
    const importHelp = seamless(['import', 'jurisdictions', '--help']);
    assert.match(importHelp.stdout, /--from <source>/);
  });

  test('migrate applies the migrations once', () => {
    const first = seamless(['migrate', '--data', data]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Applied 0001-foundation/);
    const second = seamless(['migrate', '--data', data]);
    assert.match(second.stdout, /up to date/);
  });

  test('admin create makes a root-scoped admin; bad input exits 2 naming the field', () => {
    const bad = seamless(['admin', 'create', '--username', 'root', '--password', 'short', '--data', data]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /password: must be at least 8 characters/);
    const ok = seamless(['admin', 'create', '--username', 'root', '--password', 'a-long-password', '--data', data]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /admin@000000000000/);
  });

  test('import jurisdictions from CSV upserts by code', () => {
    const file = join(data, 'units.csv');
    writeFileSync(file, 'code,parent_code,name_zh,name_en,level\n42,0,湖北省,Hubei,province\n4201,42,武汉市,Wuhan,city\n');
    const first = seamless(['import', 'jurisdictions', '--from', 'csv', '--file', file, '--data', data, '--no-progress']);
    assert.equal(first.status, 0, first.stderr);
    const again = seamless(['import', 'jurisdictions', '--from', 'csv', '--file', file, '--data', data, '--no-progress']);
    assert.equal(again.status, 0, again.stderr);
    const db = new BetterSqlite3(join(data, 'seamless.sqlite'), { readonly: true });
    const rows = db.prepare("select code, name_en from jurisdictions where code like '42%' order by code").all();
    db.close();
    assert.deepEqual(rows, [
      { code: '420000000000', name_en: 'Hubei' },
      { code: '420100000000', name_en: 'Wuhan' },
    ]);
  });

  test('audit verify passes on an intact trail and reports the first broken link', () => {
    const intact = seamless(['audit', 'verify', '--data', data, '--no-progress']);
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(intact.stdout, /Audit trail intact: \d+ records verified/);
    const db = new BetterSqlite3(join(data, 'seamless.sqlite'));
    const second = db.prepare('select seq from audit_log order by seq limit 1 offset 1').get() as { seq: number };
    db.prepare("update audit_log set action = 'tampered' where seq = ?").run(second.seq);
    db.close();
    const broken = seamless(['audit', 'verify', '--data', data, '--no-progress']);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, new RegExp(`BROKEN at seq ${second.seq}\\b`));
  });

  test('serve prints where it is running', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], { cwd: root, env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' } });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no start line in: ${out}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Seamless is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const health = await fetch(`${line}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
