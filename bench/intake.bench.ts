// Durable report intake over HTTP: authenticated POST /api/v1/reports, each request with its own
// Idempotency-Key (autocannon's [<id>] replacement), acknowledged (201) only after the commit is
// durable (SQLite WAL, synchronous=FULL; or a PostgreSQL commit). Measured twice — one
// transaction per report (withIdempotency) and group commit (concurrent reports share one
// transaction and one fsync) — beside a bare Fastify POST route that parses the same JSON and
// answers a receipt-shaped 201, all with autocannon in its own process in the same run.
// Prints acknowledged reports/s, p99 and the ratio to the bare route; checks that the database
// holds at least one report per acknowledgement.
// Run: node --import tsx bench/intake.bench.ts [--seconds 5] [--connections 20]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { testDatabases, type TestDatabase } from '../src/testing/databases.js';
import { seedScopeTree, seedUser, TEST_PASSWORD } from '../src/testing/app.js';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import { createLogger } from '../src/platform/logging.js';
import type { PlatformDeps } from '../src/platform/deps.js';
import type { ServiceContext } from '../src/platform/context.js';
import { createHttpServer } from '../src/platform/http/server.js';
import { authenticateRequest } from '../src/accounts/authenticate.js';
import { accountRoutes } from '../src/accounts/routes.js';
import { intakeRoutes } from '../src/intake/routes.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
const connections = Number(process.argv[process.argv.indexOf('--connections') + 1]) || 20;
const autocannonPath = createRequire(import.meta.url).resolve('autocannon');

const BODY = JSON.stringify({ type: 'flood', jurisdictionCode: '420102', observedAt: '2024-07-01T00:00:00Z', description: '江岸区沿江大道积水约半米，车辆无法通行' });

interface Measured {
  readonly acknowledged: number;
  readonly perSecond: number;
  readonly p99: number;
  readonly failed: number;
}

// The CLI's argument parser reads "[<id>]" as a sub-argument list, so the child process drives
// autocannon's API instead (still a process of its own, apart from the server's thread).
const RUNNER = `const autocannon = require(${JSON.stringify(autocannonPath)});
autocannon(JSON.parse(process.env.AUTOCANNON_OPTIONS), (error, result) => {
  if (error) { console.error(error); process.exit(1); }
  process.stdout.write(JSON.stringify(result));
});`;

/** autocannon in its own process; [<id>] in the key header becomes a fresh id per request. */
async function measure(url: string, headers: Record<string, string>): Promise<Measured> {
  const options = {
    url,
    connections,
    duration: seconds,
    method: 'POST',
    body: BODY,
    idReplacement: true,
    headers: { 'content-type': 'application/json', 'idempotency-key': 'bench-[<id>]', ...headers },
  };
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', RUNNER], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, AUTOCANNON_OPTIONS: JSON.stringify(options) } });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`))));
  });
  const result = JSON.parse(output) as { '2xx': number; duration: number; latency: { p99: number }; non2xx: number; errors: number; timeouts: number };
  return { acknowledged: result['2xx'], perSecond: result['2xx'] / result.duration, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
}

/** The API with accounts and intake only, intake's group commit on or off. */
async function startIntake(engine: TestDatabase, groupCommit: boolean) {
  const { handle, config, dispose } = await engine.create();
  const deps: PlatformDeps = { config, database: handle, clock: systemClock, log: createLogger('silent') };
  const app = await createHttpServer(deps, { authenticate: (request) => authenticateRequest(deps, request), version: 'bench' });
  await app.register(accountRoutes);
  await app.register(intakeRoutes, { groupCommit });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const system: ServiceContext = { actor: systemActor('bench'), db: handle.db, dialect: handle.dialect, clock: systemClock, log: deps.log, auditKey: config.auditKey };
  await seedScopeTree(system);
  await seedUser(system, { username: 'bench.grid', role: 'grid_worker', jurisdictionCode: '420102' });
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.grid', password: TEST_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  return {
    url: `${url}/api/v1/reports`,
    token,
    countReports: async () => Number((await handle.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}

function line(label: string, m: Measured, baseline: Measured): string {
  return `${label}: ${Math.round(m.perSecond)} reports/s acknowledged (p99 ${m.p99} ms, ${m.failed} failed); ratio to bare ${(m.perSecond / baseline.perSecond).toFixed(3)}`;
}

async function benchEngine(engine: TestDatabase): Promise<void> {
  const bare = Fastify({ logger: false, bodyLimit: 9 * 1024 * 1024 });
  bare.post('/bare', async (request, reply) => {
    const body = request.body as { type: string };
    return reply.status(201).send({ id: 'x', receiptNo: 'R20240701-ABCDEF', status: 'received', type: body.type, reportedAt: new Date().toISOString(), deadlineAt: null, isLate: false, placeUnmatched: false, jurisdictionCode: '420102000000', photoIds: [] });
  });
  const bareUrl = `${await bare.listen({ port: 0, host: '127.0.0.1' })}/bare`;

  const results: { label: string; m: Measured }[] = [];
  await measure(bareUrl, {}); // warm-up
  const baseline = await measure(bareUrl, {});
  for (const groupCommit of [false, true]) {
    const server = await startIntake(engine, groupCommit);
    const auth = { authorization: `Bearer ${server.token}` };
    const warm = await measure(server.url, auth);
    const m = await measure(server.url, auth);
    const stored = await server.countReports();
    if (stored < warm.acknowledged + m.acknowledged) throw new Error(`only ${stored} reports stored for ${warm.acknowledged + m.acknowledged} acknowledgements`);
    results.push({ label: groupCommit ? 'group commit' : 'one transaction per report', m });
    await server.close();
  }
  await bare.close();
  console.log(`POST /api/v1/reports, ${engine.name}, ${connections} connections, ${seconds} s, unique Idempotency-Key per request:`);
  for (const { label, m } of results) console.log(`  ${line(label, m, baseline)}`);
  console.log(`  baseline bare Fastify POST: ${Math.round(baseline.perSecond)} req/s (p99 ${baseline.p99} ms)`);
  const [single, grouped] = results;
  console.log(`  group commit / one transaction per report: ${(grouped!.m.perSecond / single!.m.perSecond).toFixed(2)}×`);
}

for (const engine of testDatabases()) await benchEngine(engine);
