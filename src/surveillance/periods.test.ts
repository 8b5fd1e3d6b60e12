import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPeriods, dayInZone, isoWeekOf, isPeriod, periodLabel, periodOf, periodsBetween } from './periods.js';
import { checkCountRows, parseCountCsv } from './model.js';

test('ISO weeks: week 1 holds the first Thursday; years of 53 weeks', () => {
  assert.equal(isoWeekOf('2026-01-01'), '2026-W01');
  assert.equal(isoWeekOf('2021-01-03'), '2020-W53');
  assert.equal(isoWeekOf('2024-12-30'), '2025-W01');
  assert.equal(isPeriod('week', '2020-W53'), true);
  assert.equal(isPeriod('week', '2021-W53'), false);
  assert.equal(addPeriods('week', '2020-W52', 1), '2020-W53');
  assert.equal(addPeriods('week', '2020-W53', 1), '2021-W01');
  assert.deepEqual(periodsBetween('week', '2020-W52', '2021-W02'), ['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
});

test('days are counted in the series time zone', () => {
  const instant = new Date('2026-03-09T17:30:00Z');
  assert.equal(dayInZone(instant, 'Asia/Shanghai'), '2026-03-10');
  assert.equal(dayInZone(instant, 'UTC'), '2026-03-09');
  assert.equal(periodOf('week', instant, 'Asia/Shanghai'), '2026-W11');
  assert.equal(isPeriod('day', '2026-02-29'), false);
  assert.deepEqual(periodsBetween('day', '2024-02-28', '2024-03-01'), ['2024-02-28', '2024-02-29', '2024-03-01']);
  assert.equal(periodLabel('week', '2026-W03'), '2026年第3周');
});

test('uploaded rows: the first problem names its row', () => {
  assert.throws(() => checkCountRows('day', [{ period: '2026-01-01', count: 1.5 }]), /rows\[1\]\.count: must be a whole number ≥ 0, got 1.5/);
  assert.throws(() => checkCountRows('day', [{ period: '2026-01-01', count: 1 }, { period: '2026-01-01', count: 2 }]), /rows\[2\]\.period: 2026-01-01 is given twice/);
  assert.throws(() => parseCountCsv('week', 'period,count\n2026-W01,1\n\n2026-W02,\n'), /csv line 4\.count: is missing/);
  assert.throws(() => parseCountCsv('day', 'day,n\n'), /csv: line 1: the header must name/);
  assert.deepEqual(parseCountCsv('week', 'count,period,note\n4,2026-W01,x\n'), [{ period: '2026-W01', count: 4 }]);
});

test('day arithmetic agrees with the calendar over four centuries of days', () => {
  // Every day from 1900-01-01 to 2300-12-31 against Date#toISOString, through periodsBetween.
  const days = periodsBetween('day', '1900-01-01', '2300-12-31');
  const start = Date.UTC(1900, 0, 1);
  days.forEach((day, i) => assert.equal(day, new Date(start + i * 86_400_000).toISOString().slice(0, 10)));
  assert.equal(days.length, 146_462);
  assert.deepEqual(periodsBetween('week', '2026-W52', '2027-W02'), ['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
});
