// Authenticated GET of a jurisdiction over HTTP (auth, scope check, two queries, presenter)
// versus a bare Fastify route answering a constant object of the same shape, both measured with
// autocannon on this machine in the same run. Prints requests/s of each and the ratio.
// Run: node --import tsx bench/http-get.bench.ts [--seconds 5] [--connections 10]
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startTestServer, systemContext } from '../src/testing/server.js';
import { seedScopeTree, seedUser, TEST_PASSWORD } from '../src/testing/app.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
const connections = Number(process.argv[process.argv.indexOf('--connections') + 1]) || 10;

async function measure(url: string, headers: Record<string, string>): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { rps: result.requests.average, p99: result.latency.p99, errors: non2xx };
}

const server = await startTestServer({ serveWeb: false, config: { logLevel: 'silent' } });
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
  `authenticated GET /api/v1/jurisdictions/{code} (sqlite): ${Math.round(seamless.rps)} req/s (p99 ${seamless.p99} ms, ${seamless.errors} errors); ` +
    `baseline bare Fastify route: ${Math.round(baseline.rps)} req/s (p99 ${baseline.p99} ms); ratio ${(seamless.rps / baseline.rps).toFixed(2)}`,
);
await bare.close();
await server.close();
