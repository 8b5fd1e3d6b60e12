import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import {
  RECEIPT_NO_PATTERN,
  hashAccessCode,
  newAccessCode,
  newReceiptNo,
  reportTiming,
  reportingLimitMinutes,
  summariseTimeliness,
  validateReport,
} from './model.js';

const now = new Date('2020-01-20T08:00:00Z');
const base = { type: 'flood', observedAt: '2020-01-20T07:00:00+08:00', description: '积水', jurisdictionCode: '4201' };

describe('validateReport', () => {
  test('accepts a point, a code or a place text, and needs one of them', () => {
    assert.deepEqual(validateReport({ ...base, jurisdictionCode: null, point: [114.3, 30.6] }, now).point, [114.3, 30.6]);
    assert.equal(validateReport({ ...base, jurisdictionCode: ' 4201 ' }, now).jurisdictionCode, '4201');
    assert.throws(() => validateReport({ ...base, jurisdictionCode: null }, now), /place: give a point/);
  });
  test('names the bad field', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ type: 'meteor' }, /^type: must be one of/],
      [{ diseaseClass: 'A' }, /^diseaseClass: only disease/],
      [{ type: 'disease_case', diseaseClass: 'D' }, /^diseaseClass: must be one of A, B, C/],
      [{ description: '   ' }, /^description: must not be empty/],
      [{ point: [200, 0] }, /^point: is outside/],
      [{ point: [1] }, /^point: must be/],
      [{ observedAt: '2020-01-20 07:00' }, /^observedAt: must be an ISO-8601 time with a zone/],
      [{ observedAt: '2020-01-21T07:00:00Z' }, /^observedAt: lies in the future/],
    ];
    for (const [override, message] of cases) {
      assert.throws(() => validateReport({ ...base, ...override } as typeof base, now), (error: unknown) => error instanceof InvalidInputError && message.test(error.message));
    }
  });
  test('tolerates ten minutes of clock skew', () => {
    assert.doesNotThrow(() => validateReport({ ...base, observedAt: '2020-01-20T08:09:00Z' }, now));
  });
});

describe('reporting time limits (DOMAIN.md §1)', () => {
  const none = new Map<string, number>();
  test('2 h for Class A cases and for clusters, 24 h for other disease cases', () => {
    assert.equal(reportingLimitMinutes('disease_cluster', null, none), 120);
    assert.equal(reportingLimitMinutes('disease_case', 'A', none), 120);
    assert.equal(reportingLimitMinutes('disease_case', 'B', none), 1440);
    assert.equal(reportingLimitMinutes('disease_case', null, none), 1440);
  });
  test('other types: configured, or none', () => {
    assert.equal(reportingLimitMinutes('fire', null, none), null);
    assert.equal(reportingLimitMinutes('fire', null, new Map([['fire', 30]])), 30);
    assert.equal(reportingLimitMinutes('disease_case', 'A', new Map([['disease_case', 9999]])), 120);
  });
  test('late means reported after observation + limit (on the deadline is on time)', () => {
    const observed = new Date('2020-01-20T06:00:00Z');
    assert.deepEqual(reportTiming(observed, new Date('2020-01-20T08:00:00Z'), 120), { deadlineAt: new Date('2020-01-20T08:00:00Z'), isLate: false });
    assert.equal(reportTiming(observed, new Date('2020-01-20T08:00:00.001Z'), 120).isLate, true);
    assert.deepEqual(reportTiming(observed, now, null), { deadlineAt: null, isLate: false });
  });
  test('timeliness per unit, late units worst first', () => {
    const { units, lateUnits } = summariseTimeliness([
      { code: 'a', name: 'A', total: 4, late: 1 },
      { code: 'b', name: 'B', total: 2, late: 2 },
      { code: 'c', name: 'C', total: 3, late: 0 },
    ]);
    assert.deepEqual(units.map((u) => u.onTimeRate), [0.75, 0, 1]);
    assert.deepEqual(lateUnits.map((u) => u.code), ['b', 'a']);
  });
});

describe('receipts and access codes', () => {
  test('receipt numbers read like R20200120-4F7K2Q', () => {
    const receipt = newReceiptNo(now);
    assert.match(receipt, RECEIPT_NO_PATTERN);
    assert.ok(receipt.startsWith('R20200120-'));
    assert.equal(newReceiptNo(now, new Uint8Array([0, 1, 2, 3, 4, 31])), 'R20200120-01234Z');
  });
  test('access codes hash the same however they are typed', () => {
    const code = newAccessCode();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(hashAccessCode(code.toLowerCase().replaceAll('-', '')), hashAccessCode(code));
  });
});
