// Runs every test file (unit, integration, browser) in one node:test run and ends with the
// line "N passed, N failed, N skipped". Integration suites also run on PostgreSQL when
// DATABASE_URL is set. Usage: npm test [-- file-or-folder-filter…]
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (/\.test\.tsx?$/.test(entry)) found.push(relative(root, path));
  }
  return found;
}

const files = ['src', 'test', 'migrations', 'scripts']
  .flatMap((dir) => {
    try {
      return findTests(join(root, dir));
    } catch {
      return [];
    }
  })
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

if (files.length === 0) {
  console.log('no test files matched');
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

console.log(`Running ${files.length} test files${process.env.DATABASE_URL ? ' (integration suites on SQLite and PostgreSQL)' : ' (integration suites on SQLite; set DATABASE_URL for PostgreSQL too)'}`);
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-timeout=300000',
    `--test-reporter=${join(root, 'scripts/test-reporter.mjs')}`,
    '--test-reporter-destination=stdout',
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', SEAMLESS_TEST: '1' } },
);
child.on('exit', (code) => process.exit(code ?? 1));
