import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alarmWhy, detectLatest } from './scheduled-detection.js';
import { countReports } from './report-counts.js';
import type { Series } from './model.js';

const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

test('detectLatest reports alarms on the latest periods only, with every method that fired', () => {
  const counts = [1, 2, 1, 2, 1, 2, 1, 2, 1, 20];
  const { alarms, notMonitored } = detectLatest({ frequency: 'day', methods: [{ method: 'ears-c1', params: {} }, { method: 'ears-c2', params: {} }, { method: 'percentile', params: {} }] }, days(10), counts);
  assert.deepEqual(alarms.map((a) => [a.period, a.observed, a.methods]), [['2026-01-10', 20, ['ears-c1', 'ears-c2']]]);
  assert.deepEqual(notMonitored, ['percentile'], 'three years of history are missing: not monitored, not silent');
  const quiet = detectLatest({ frequency: 'day', methods: [{ method: 'ears-c1', params: {} }] }, days(4), [1, 2, 3, 4]);
  assert.deepEqual(quiet, { alarms: [], notMonitored: ['ears-c1'] });
});

test('the alarm text names the unit, indicator, period, values and method', () => {
  assert.equal(
    alarmWhy({ frequency: 'week', indicator: 'disease_case' }, '江岸区', { period: '2026-W03', observed: 12, upperbound: 7.2891, methods: ['ears-c1'] }),
    '江岸区 disease_case 2026年第3周 观察值 12 > 上限 7.3（EARS C1）',
  );
});

test('confirmed reports are counted by the day reported in the series time zone, within the unit', () => {
  const series: Series = { id: 's', jurisdictionCode: '420100000000', jurisdictionPath: '/000000000000/420000000000/420100000000/', indicator: 'disease_case', frequency: 'day', timeZone: 'Asia/Shanghai', methods: [], fromReports: true };
  const inside = '/000000000000/420000000000/420100000000/420102000000/';
  const counts = countReports(series, [
    { type: 'disease_case', jurisdictionPath: inside, reportedAt: '2026-03-08T15:59:00Z' },
    { type: 'disease_case', jurisdictionPath: inside, reportedAt: '2026-03-08T16:00:00Z' },
    { type: 'disease_case', jurisdictionPath: '/000000000000/420000000000/420200000000/', reportedAt: '2026-03-08T16:00:00Z' },
    { type: 'fire', jurisdictionPath: inside, reportedAt: '2026-03-08T16:00:00Z' },
  ], ['2026-03-08', '2026-03-09']);
  assert.deepEqual(counts, [{ period: '2026-03-08', count: 1 }, { period: '2026-03-09', count: 1 }]);
});
