import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { randomUUID } from 'node:crypto';
import { processPendingSignals } from '../signals/processor.js';
import { runScheduledDetection } from './scheduled-detection.js';
import { readFileSync } from 'node:fs';
import { isoWeekOf } from './periods.js';

interface SeriesBody {
  id: string;
  jurisdictionCode: string;
  indicator: string;
  frequency: string;
  methods: { method: string; params: Record<string, unknown> }[];
}
interface ClusterItem {
  id: string;
  type: string;
  size: number;
  title: string;
  jurisdictionCode: string | null;
}

/** Days from `first`, one per count. */
function rows(first: string, counts: readonly number[]): { period: string; count: number }[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return counts.map((count, i) => ({ period: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count }));
}

for (const engine of testDatabases()) {
  describe(`surveillance: count series, roll-ups, detection and alarms in the triage queue (${engine.name})`, () => {
    // Noon in Shanghai on 10 March: the last complete day is 9 March.
    const clock = fixedClock('2026-03-10T04:00:00Z');
    let t: TestApp;
    let analyst: string;
    let admin: string;
    let duty: string;
    let huangshi: string;
    let grid: string;
    let jiangan: SeriesBody;

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      await importJurisdictions(t.system, [{ code: '420103000000', parentCode: '420100000000', nameZh: '江汉区', nameEn: 'Jianghan' }], { source: 'test' });
      await seedUser(t.system, { username: 'wuhan.analyst', role: 'analyst', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'wuhan.admin', role: 'admin', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'wuhan.duty', role: 'duty_officer', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'huangshi.analyst', role: 'analyst', jurisdictionCode: '4202' });
      await seedUser(t.system, { username: 'wuhan.grid', role: 'grid_worker', jurisdictionCode: '4201' });
      await login();
    });
    after(async () => t.close());

    async function login(): Promise<void> {
      analyst = await loginToken(t.app, 'wuhan.analyst');
      admin = await loginToken(t.app, 'wuhan.admin');
      duty = await loginToken(t.app, 'wuhan.duty');
      huangshi = await loginToken(t.app, 'huangshi.analyst');
      grid = await loginToken(t.app, 'wuhan.grid');
    }
    const createSeries = async (body: Record<string, unknown>, token = analyst) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/surveillance/series', headers: bearer(token), payload: body });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as SeriesBody;
    };
    const upload = (id: string, payload: Record<string, unknown>, token = analyst) =>
      t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${id}/counts`, headers: bearer(token), payload });
    const queue = async () => ((await t.app.inject({ method: 'GET', url: '/api/v1/signals/queue', headers: bearer(duty) })).json() as { items: ClusterItem[] }).items;

    test('an analyst creates a series and uploads counts; a bad row is named and nothing is stored', async () => {
      jiangan = await createSeries({ jurisdictionCode: '420102', indicator: 'disease_case', frequency: 'day' });
      assert.deepEqual(jiangan.methods, [{ method: 'ears-c1', params: {} }]);
      const duplicate = await t.app.inject({ method: 'POST', url: '/api/v1/surveillance/series', headers: bearer(analyst), payload: { jurisdictionCode: '420102', indicator: 'disease_case', frequency: 'day' } });
      assert.equal(duplicate.statusCode, 409);

      const negative = await upload(jiangan.id, { rows: [{ period: '2026-01-01', count: 1 }, { period: '2026-01-02', count: 2 }, { period: '2026-01-03', count: -4 }] });
      assert.equal(negative.statusCode, 400);
      assert.equal(errorBody(negative).message, 'rows[3].count: must be a whole number ≥ 0, got -4');
      const badPeriod = await upload(jiangan.id, { rows: [{ period: '2026-02-30', count: 1 }] });
      assert.equal(errorBody(badPeriod).message, 'rows[1].period: "2026-02-30" is not a date YYYY-MM-DD');
      const missing = await upload(jiangan.id, { rows: [{ period: '2026-01-01', count: 1 }, { period: '2026-01-02' }] });
      assert.equal(errorBody(missing).message, 'rows[2].count: is missing');
      const text = await upload(jiangan.id, { csv: 'period,count\n2026-01-01,3\n2026-01-02,4\n2026-01-03,many\n' });
      assert.equal(text.statusCode, 400);
      assert.equal(errorBody(text).message, 'csv line 4.count: "many" is not a number');
      const week = await upload(jiangan.id, { rows: [{ period: '2026-W02', count: 1 }] });
      assert.match(errorBody(week).message, /^rows\[1\]\.period: "2026-W02" is not a date/);
      const stored = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/series?jurisdiction=420102&indicator=disease_case&frequency=day', headers: bearer(analyst) });
      assert.deepEqual((stored.json() as { counts: unknown[] }).counts, []);

      const ok = await upload(jiangan.id, { csv: 'period,count\r\n2026-01-01,3\r\n2026-01-03,5\r\n' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { stored: 2 });
      const replaced = await upload(jiangan.id, { rows: [{ period: '2026-01-03', count: 6 }] });
      assert.equal(replaced.statusCode, 200);
    });

    test("a city's counts are the sum of its counties' series; a unit with its own series shows its own", async () => {
      const jianghan = await createSeries({ jurisdictionCode: '420103', indicator: 'disease_case', frequency: 'day' });
      assert.equal((await upload(jianghan.id, { rows: [{ period: '2026-01-02', count: 10 }, { period: '2026-01-03', count: 1 }] })).statusCode, 200);
      const city = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/series?jurisdiction=4201&indicator=disease_case&frequency=day', headers: bearer(analyst) });
      assert.equal(city.statusCode, 200, city.body);
      const body = city.json() as { seriesId: string | null; sources: { jurisdictionCode: string }[]; counts: { period: string; count: number }[] };
      assert.equal(body.seriesId, null);
      assert.deepEqual(body.sources.map((s) => s.jurisdictionCode).sort(), ['420102000000', '420103000000']);
      assert.deepEqual(body.counts, [
        { period: '2026-01-01', count: 3 },
        { period: '2026-01-02', count: 10 },
        { period: '2026-01-03', count: 7 },
      ]);
      const ranged = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/series?jurisdiction=42&indicator=disease_case&from=2026-01-02&to=2026-01-04', headers: bearer(admin) });
      assert.equal(ranged.statusCode, 403, 'a Wuhan admin cannot read the province');
      const county = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/series?jurisdiction=420103&indicator=disease_case&from=2026-01-02&to=2026-01-04', headers: bearer(analyst) });
      assert.deepEqual((county.json() as { seriesId: string; counts: unknown[] }).counts, [
        { period: '2026-01-02', count: 10 },
        { period: '2026-01-03', count: 1 },
        { period: '2026-01-04', count: 0 },
      ]);
      assert.equal((county.json() as { seriesId: string }).seriesId, jianghan.id);
    });

    test('the detect API runs a method over a stored series; bad parameters are named', async () => {
      const series = await createSeries({ jurisdictionCode: '420102', indicator: 'ili', frequency: 'week', methods: [] });
      const counts = [3, 4, 3, 5, 4, 3, 4, 12];
      assert.equal((await upload(series.id, { rows: counts.map((count, i) => ({ period: `2025-W${String(i + 1).padStart(2, '0')}`, count })) })).statusCode, 200);
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${series.id}/detect`, headers: bearer(analyst), payload: { method: 'ears-c1', params: { alpha: 0.05 } } });
      assert.equal(response.statusCode, 200, response.body);
      const points = response.json() as { index: number; period: string; observed: number; upperbound: number | null; alarm: boolean }[];
      assert.equal(points.length, 1);
      const baseline = counts.slice(0, 7);
      const mean = baseline.reduce((a, b) => a + b, 0) / 7;
      const sd = Math.sqrt(baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / 6);
      assert.equal(points[0]!.index, 8);
      assert.equal(points[0]!.period, '2025-W08');
      assert.ok(Math.abs(points[0]!.upperbound! - (mean + 1.6448536269514722 * sd)) < 1e-9);
      assert.equal(points[0]!.alarm, true);
      const ranged = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${series.id}/detect`, headers: bearer(analyst), payload: { method: 'ears-c1', from: '2025-W02' } });
      const early = ranged.json() as { upperbound: number | null; alarm: boolean }[];
      assert.equal(early.length, 7);
      assert.deepEqual(early[0], { index: 2, period: '2025-W02', observed: 4, upperbound: null, alarm: false }, 'too little history: not monitored, never a silent zero');
      const bad = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${series.id}/detect`, headers: bearer(analyst), payload: { method: 'ears-c1', params: { k: 1 } } });
      assert.equal(bad.statusCode, 400);
      assert.match(errorBody(bad).message, /^params\.k: ears-c1 takes no such parameter/);
      const unknown = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${series.id}/detect`, headers: bearer(analyst), payload: { method: 'magic' } });
      assert.match(errorBody(unknown).message, /^method: must be one of ears-c1/);
      const alpha = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${series.id}/detect`, headers: bearer(analyst), payload: { method: 'ears-c2', params: { alpha: 2 } } });
      assert.match(errorBody(alpha).message, /^alpha: /);
    });

    test('farrington with epochAsDate picks reference weeks by date over the API, as R; a frequency R has no date rule for is a 400', async () => {
      // R's farringtonFlexible on salmNewport with dates (scripts/r-reference/farrington-references.R).
      const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split(','));
      const input = fixture('farrington-dates-series-salmNewport.csv');
      const reference = fixture('farrington-dates-salmNewport-defaults.csv');
      const series = await createSeries({ jurisdictionCode: '420103', indicator: 'salmonella', frequency: 'week', methods: [] });
      const stored = await upload(series.id, { rows: input.map((r) => ({ period: isoWeekOf(r[1]!), count: Number(r[2]) })) });
      assert.equal(stored.statusCode, 200, stored.body);
      const from = isoWeekOf(input[Number(reference[0]![0]) - 1]![1]!);
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${series.id}/detect`, headers: bearer(analyst), payload: { method: 'farrington', params: { epochAsDate: true }, from } });
      assert.equal(response.statusCode, 200, response.body);
      const points = response.json() as { index: number; upperbound: number | null; alarm: boolean }[];
      assert.equal(points.length, reference.length);
      points.forEach((point, i) => {
        const [index, , upper, alarm] = reference[i]!;
        assert.equal(point.index, Number(index));
        if (upper === 'NA') assert.equal(point.upperbound, null);
        else assert.ok(Math.abs(point.upperbound! - Number(upper)) < 1e-6, `point ${index}: ${point.upperbound} vs R ${upper}`);
        assert.equal(point.alarm, alarm === 'TRUE');
      });
      const tooMany = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${series.id}/detect`, headers: bearer(analyst), payload: { method: 'farrington', params: { epochAsDate: true, freq: 53 }, from } });
      assert.equal(tooMany.statusCode, 400, tooMany.body);
      assert.match(errorBody(tooMany).message, /^params\.epochAsDate: reference weeks by date need freq 52 for a week series/);
    });

    test('the daily detection raises a signal once and joins the next day’s alarm to the same cluster', async () => {
      const series = await createSeries({ jurisdictionCode: '420102', indicator: 'fever_syndrome', frequency: 'day', methods: [{ method: 'ears-c1', params: { minSigma: 0.5 } }] });
      assert.equal((await upload(series.id, { rows: rows('2026-02-28', [1, 2, 1, 2, 1, 2, 1, 2, 1, 20]) })).statusCode, 200);
      const first = await runScheduledDetection(t.system);
      assert.equal(first.alarmsRaised, 1, JSON.stringify(first));
      assert.equal(first.clustersOpened, 1);
      const again = await runScheduledDetection(t.system);
      assert.equal(again.alarmsRaised, 0, 'the same alarm is raised once');
      let clusters = (await queue()).filter((c) => c.title.startsWith('监测预警'));
      assert.equal(clusters.length, 1);
      assert.equal(clusters[0]!.type, 'other');
      assert.equal(clusters[0]!.jurisdictionCode, '420102000000');
      assert.match(clusters[0]!.title, /^监测预警：江岸区 fever_syndrome 2026-03-09 观察值 20 > 上限 \d+(\.\d)?（EARS C1）$/);
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/signals/clusters/${clusters[0]!.id}`, headers: bearer(duty) })).json() as { signals: { sourceKind: string; credibility: number }[] };
      assert.deepEqual(detail.signals.map((s) => [s.sourceKind, s.credibility]), [['surveillance', 0.9]]);

      clock.advance(86_400_000);
      await login();
      assert.equal((await upload(series.id, { rows: [{ period: '2026-03-10', count: 40 }] })).statusCode, 200);
      const next = await t.app.inject({ method: 'POST', url: '/api/v1/surveillance/detect-now', headers: bearer(admin), payload: { jurisdictionCode: '4201' } });
      assert.equal(next.statusCode, 200, next.body);
      assert.equal((next.json() as { alarmsRaised: number; clustersOpened: number }).alarmsRaised, 1);
      assert.equal((next.json() as { clustersOpened: number }).clustersOpened, 0, 'the next day’s alarm joins the outbreak’s cluster');
      clusters = (await queue()).filter((c) => c.title.startsWith('监测预警'));
      assert.equal(clusters.length, 1);
      assert.equal(clusters[0]!.size, 2);

      const alarms = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/alarms?within=4201', headers: bearer(analyst) });
      assert.equal(alarms.statusCode, 200, alarms.body);
      const items = (alarms.json() as { items: { period: string; clusterId: string; jurisdictionName: string; methods: string[] }[] }).items;
      assert.deepEqual(items.map((a) => [a.period, a.clusterId, a.jurisdictionName, a.methods]), [
        ['2026-03-10', clusters[0]!.id, '江岸区', ['ears-c1']],
        ['2026-03-09', clusters[0]!.id, '江岸区', ['ears-c1']],
      ]);
    });

    test('scope: another city, a grid worker and a non-admin are refused', async () => {
      const read = await t.app.inject({ method: 'GET', url: `/api/v1/surveillance/series/${jiangan.id}`, headers: bearer(huangshi) });
      assert.equal(read.statusCode, 403);
      assert.equal((await upload(jiangan.id, { rows: [{ period: '2026-01-05', count: 1 }] }, huangshi)).statusCode, 403);
      const detect = await t.app.inject({ method: 'POST', url: `/api/v1/surveillance/series/${jiangan.id}/detect`, headers: bearer(huangshi), payload: { method: 'ears-c1' } });
      assert.equal(detect.statusCode, 403);
      const methods = await t.app.inject({ method: 'PUT', url: `/api/v1/surveillance/series/${jiangan.id}/methods`, headers: bearer(huangshi), payload: { methods: [] } });
      assert.equal(methods.statusCode, 403);
      const rollup = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/series?jurisdiction=4201&indicator=disease_case', headers: bearer(huangshi) });
      assert.equal(rollup.statusCode, 403);
      const alarms = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/alarms?within=4201', headers: bearer(huangshi) });
      assert.equal(alarms.statusCode, 403);
      const create = await t.app.inject({ method: 'POST', url: '/api/v1/surveillance/series', headers: bearer(grid), payload: { jurisdictionCode: '420102', indicator: 'fire', frequency: 'day' } });
      assert.equal(create.statusCode, 403);
      const now = await t.app.inject({ method: 'POST', url: '/api/v1/surveillance/detect-now', headers: bearer(analyst), payload: { jurisdictionCode: '4201' } });
      assert.equal(now.statusCode, 403);
      const catalog = (await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/catalog', headers: bearer(huangshi) })).json() as { items: unknown[] };
      assert.deepEqual(catalog.items, []);
      const own = (await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/catalog', headers: bearer(analyst) })).json() as { items: unknown[] };
      assert.equal(own.items.length, 5, "the series created by the tests above");
      const set = await t.app.inject({ method: 'PUT', url: `/api/v1/surveillance/series/${jiangan.id}/methods`, headers: bearer(analyst), payload: { methods: [{ method: 'ears-c3', params: { alpha: 0.01 } }, { method: 'cusum', params: { k: 0.5, h: 4 } }] } });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual((set.json() as SeriesBody).methods.map((m) => m.method), ['ears-c3', 'cusum']);
    });

    test('verified reports feed a report-fed series, by the day reported in Shanghai time; unverified ones do not', async () => {
      const series = await createSeries({ jurisdictionCode: '4201', indicator: 'disease_case', frequency: 'day', fromReports: true, methods: [] }, admin);
      const file = async (description: string) => {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { ...bearer(grid), 'idempotency-key': randomUUID() }, payload: { type: 'disease_case', jurisdictionCode: '420102', observedAt: '2026-03-11T01:00:00Z', description } });
        assert.equal(response.statusCode, 201, response.body);
      };
      await file('江岸区一名居民发热咳嗽，疑似流感，已到社区医院就诊。');
      await file('江岸区另一名居民高烧，医生怀疑流感。');
      await processPendingSignals(t.system);
      const cluster = (await queue()).find((c) => c.type === 'disease_case' && !c.title.startsWith('监测预警'));
      assert.ok(cluster, 'the reports formed a candidate event');
      const before = await runScheduledDetection(t.system);
      assert.equal(before.countsUpdated, 0, 'unverified reports are not counted');
      const verdict = await t.app.inject({ method: 'POST', url: `/api/v1/signals/clusters/${cluster.id}/verdict`, headers: bearer(duty), payload: { verdict: 'verify' } });
      assert.equal(verdict.statusCode, 200, verdict.body);
      const after = await runScheduledDetection(t.system);
      assert.equal(after.countsUpdated, 1);
      const city = await t.app.inject({ method: 'GET', url: '/api/v1/surveillance/series?jurisdiction=4201&indicator=disease_case&from=2026-03-10&to=2026-03-11', headers: bearer(analyst) });
      const body = city.json() as { seriesId: string; counts: unknown[] };
      assert.equal(body.seriesId, series.id, 'the city now has a series of its own');
      assert.deepEqual(body.counts, [{ period: '2026-03-10', count: 0 }, { period: '2026-03-11', count: 2 }]);
    });
  });
}
