// `seamless cap validate` and `seamless cap export` as a user runs them: a real process. Export
// reads an alert stored by the warnings service on every engine (SQLite; PostgreSQL when
// DATABASE_URL is set). The CAP messages are the hand-written fixtures in src/warnings/cap/fixtures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../../src/core/actor.js';
import { systemClock } from '../../src/core/clock.js';
import type { ServiceContext } from '../../src/platform/context.js';
import { createLogger } from '../../src/platform/logging.js';
import { seedScopeTree } from '../../src/testing/app.js';
import { testDatabases } from '../../src/testing/databases.js';
import { importCapXml } from '../../src/warnings/service.js';

const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/seamless.mjs');
const fixtures = join(root, 'src/warnings/cap/fixtures');
const fixture = (name: string) => join(fixtures, `${name}.xml`);

function seamless(args: string[], env: Record<string, string> = {}, input?: string) {
  const { DATABASE_URL: _ignored, SEAMLESS_DB_SCHEMA: _schema, ...rest } = process.env;
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input, env: { ...rest, LOG_LEVEL: 'silent', ...env }, timeout: 120_000 });
}

describe('seamless cap validate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seamless-cap-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('valid files print "valid" and exit 0', () => {
    const files = ['rainstorm-red-wuhan', 'rainstorm-update-orange', 'rainstorm-cancel', 'restricted-epidemic'].map(fixture);
    const run = seamless(['cap', 'validate', ...files]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n'), files.map((file) => `${file}: valid`));
  });

  test('an invalid file prints each problem with path and line and exits 1; the valid one is still reported', () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, readFileSync(fixture('rainstorm-update-orange'), 'utf8').replace('+08:00</cap:sent>', 'Z</cap:sent>').replace(/\s*<cap:references>.*<\/cap:references>/, '').replace('<cap:value>orange</cap:value>', '<cap:value>amber</cap:value>'));
    const good = fixture('restricted-epidemic');
    const run = seamless(['cap', 'validate', bad, good]);
    assert.equal(run.status, 1, run.stderr);
    // One file's problems come in line order.
    assert.deepEqual(run.stdout.trim().split('\n'), [
      `${bad}: /alert/references: is required for msgType Update: name the earlier message(s) as "sender,identifier,sent" (line 3)`,
      `${bad}: /alert/sent: "2024-07-01T12:00:00Z" ends in Z; CAP 1.2 needs a numeric offset (write +00:00 for UTC, +08:00 for China) (line 6)`,
      `${bad}: /alert/info[0]/parameter[0]/value: warningLevel "amber" is not one of red, orange, yellow, blue (line 24)`,
      `${good}: valid`,
    ]);
  });

  test('not XML, standard input, and an unreadable file (exit 2)', () => {
    const notXml = join(dir, 'not.xml');
    writeFileSync(notXml, '{"alert": "flood"}');
    const run = seamless(['cap', 'validate', notXml, join(dir, 'missing.xml')]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, `${notXml}: /: not well-formed XML: text before the root element (is this XML?) (line 1, column 1)\n`);
    assert.match(run.stderr, /missing\.xml: cannot read \(ENOENT\)/);
    const noFiles = seamless(['cap', 'validate']);
    assert.equal(noFiles.status, 2, 'a usage error is not an invalid file');
    assert.match(noFiles.stderr, /missing required argument 'files'/);
    const stdin = seamless(['cap', 'validate', '-'], {}, readFileSync(fixture('rainstorm-cancel'), 'utf8'));
    assert.equal(stdin.status, 0, stdin.stderr);
    assert.equal(stdin.stdout, '-: valid\n');
  });
});

for (const engine of testDatabases()) {
  describe(`seamless cap export (${engine.name})`, () => {
    let env: Record<string, string>;
    let args: string[];
    let dispose: () => Promise<void>;
    let warningId: string;
    const xml = readFileSync(fixture('rainstorm-red-wuhan'), 'utf8');

    before(async () => {
      const created = await engine.create();
      dispose = created.dispose;
      const ctx: ServiceContext = { actor: systemActor('test'), db: created.handle.db, dialect: created.handle.dialect, clock: systemClock, log: createLogger('silent'), auditKey: created.config.auditKey };
      await seedScopeTree(ctx);
      warningId = (await importCapXml(ctx, { jurisdictionCode: '4201', xml })).value.id;
      const { databaseUrl, databaseSchema, dataDir } = created.config;
      env = databaseUrl ? { DATABASE_URL: databaseUrl, SEAMLESS_DB_SCHEMA: databaseSchema ?? '', SEAMLESS_AUDIT_KEY: created.config.auditKey } : { SEAMLESS_AUDIT_KEY: created.config.auditKey };
      args = databaseUrl ? [] : ['--data', dataDir];
    });
    after(() => dispose());

    test('prints the stored XML by CAP identifier and by id', () => {
      for (const id of ['CN-420100-EMB-20240701-0001', warningId]) {
        const run = seamless(['cap', 'export', id, ...args], env);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stdout, xml);
      }
    });

    test('the exported XML validates', () => {
      const exported = seamless(['cap', 'export', warningId, ...args], env).stdout;
      const run = seamless(['cap', 'validate', '-'], {}, exported);
      assert.equal(run.status, 0, run.stdout);
    });

    test('an unknown id exits 2 with a message', () => {
      const run = seamless(['cap', 'export', 'no-such-alert', ...args], env);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^error: .*no-such-alert/m);
      assert.equal(run.stdout, '');
    });
  });
}
