import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const script = new URL('./check-cycles.mjs', import.meta.url).pathname;
const cwd = new URL('..', import.meta.url).pathname;

test('the import-cycle check fails on a planted cycle', () => {
  const result = spawnSync(process.execPath, [script, 'scripts/fixtures/planted-cycle'], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stderr, /a\.ts -> .*b\.ts/);
});

test('the import-cycle check passes on the project source', () => {
  const result = spawnSync(process.execPath, [script, 'src'], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /no import cycles/);
});
