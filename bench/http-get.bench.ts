// Authenticated GET of a jurisdiction over HTTP (auth, scope check, two queries, presenter)
// versus a bare Fastify route answering a constant object of the same shape, both measured with
// autocannon on this machine in the same run. Prints requests/s of each and the ratio.
// Run: node --import tsx bench/http-get.bench.ts [--seconds 5] [--connections 10]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { startTestServer, systemContext } from '../src/testing/server.js';
import { seedScopeTree, seedUser, TEST_PASSWORD } from '../src/testing/app.js';
import { testDatabases, type TestDatabase } from '../src/testing/databases.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
const connections = Number(process.argv[process.argv.indexOf('--connections') + 1]) || 10;

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** autocannon in its own process, so the load generator does not share the server's thread. */
async function measure(url: string, headers: Record<string, string>): Promise<{ rps: number; p99: number; errors: number }> {
  const args = [autocannonBin, '-c', String(connections), '-d', String(seconds), '-j', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`autocannon exited with ${code}`))));
  });
  const result = JSON.parse(output) as { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number; timeouts: number };
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}

/** One engine: SQLite always, PostgreSQL too when DATABASE_URL is set. */
async function benchEngine(engine: TestDatabase): Promise<void> {
  const server = await startTestServer({ serveWeb: false, engine, config: { logLevel: 'silent' } });
  const ctx = systemContext(server.runtime);
  await seedScopeTree(ctx);
  await seedUser(ctx, { username: 'bench.duty', role: 'duty_officer', jurisdictionCode: '42' });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.duty', password: TEST_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const target = `${server.url}/api/v1/jurisdictions/4201`;
  const sample = await (await fetch(target, { headers: { authorization: `Bearer ${token}` } })).json();

  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => sample);
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  // Warm both up, then measure each once.
  await measure(`${bareUrl}/bare`, {});
  await measure(target, { authorization: `Bearer ${token}` });
  const baseline = await measure(`${bareUrl}/bare`, {});
  const seamless = await measure(target, { authorization: `Bearer ${token}` });

  console.log(
    `authenticated GET /api/v1/jurisdictions/{code} (${engine.name}): ${Math.round(seamless.rps)} req/s (p99 ${seamless.p99} ms, ${seamless.errors} errors); ` +
      `baseline bare Fastify route: ${Math.round(baseline.rps)} req/s (p99 ${baseline.p99} ms); ratio ${(seamless.rps / baseline.rps).toFixed(2)}`,
  );
  await bare.close();
  await server.close();
}

for (const engine of testDatabases()) await benchEngine(engine);
