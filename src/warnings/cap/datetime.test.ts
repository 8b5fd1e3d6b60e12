import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { capDateTimeProblem, formatCapDateTime, parseCapDateTime } from './datetime.js';

describe('CAP date-times', () => {
  test('formats in Asia/Shanghai as +08:00, never Z, dropping milliseconds', () => {
    assert.equal(formatCapDateTime(new Date('2024-07-01T00:00:00.789Z')), '2024-07-01T08:00:00+08:00');
    assert.equal(formatCapDateTime(new Date('2024-12-31T20:30:05Z'), 'Asia/Shanghai'), '2025-01-01T04:30:05+08:00');
    assert.equal(formatCapDateTime(new Date('2024-07-01T00:00:00Z'), 'UTC'), '2024-07-01T00:00:00+00:00');
  });

  test('follows daylight saving and half-hour zones, and accepts fixed offsets', () => {
    assert.equal(formatCapDateTime(new Date('2024-01-15T12:00:00Z'), 'America/New_York'), '2024-01-15T07:00:00-05:00');
    assert.equal(formatCapDateTime(new Date('2024-07-15T12:00:00Z'), 'America/New_York'), '2024-07-15T08:00:00-04:00');
    assert.equal(formatCapDateTime(new Date('2024-07-15T12:00:00Z'), 'Asia/Kolkata'), '2024-07-15T17:30:00+05:30');
    assert.equal(formatCapDateTime(new Date('2024-07-15T12:00:00Z'), '-03:30'), '2024-07-15T08:30:00-03:30');
  });

  test('a formatted time denotes the same instant (to the second) and passes the check', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/London', 'Pacific/Chatham', 'America/St_Johns', '+00:00']) {
      const at = new Date('2024-03-31T01:30:42.5Z');
      const text = formatCapDateTime(at, zone);
      assert.equal(capDateTimeProblem(text), undefined, text);
      assert.equal(parseCapDateTime(text)?.getTime(), Date.parse('2024-03-31T01:30:42Z'), zone);
    }
  });

  test('refuses unknown zones and invalid dates with the field named', () => {
    assert.throws(() => formatCapDateTime(new Date(), 'Mars/Olympus'), /zone: "Mars\/Olympus" is neither an IANA time zone/);
    assert.throws(() => formatCapDateTime(new Date('nope')), /date: is not a valid date/);
    assert.throws(() => formatCapDateTime(new Date(), '+15:00'), /zone: \+15:00 is beyond ±14:00/);
  });

  test('names what is wrong: Z, no offset, fractions, impossible dates', () => {
    assert.match(capDateTimeProblem('2024-07-01T08:00:00Z')!, /ends in Z; CAP 1\.2 needs a numeric offset/);
    assert.match(capDateTimeProblem('2024-07-01T08:00:00')!, /has no time-zone offset; CAP 1\.2 needs one, e\.g\. 2024-07-01T08:00:00\+08:00/);
    assert.match(capDateTimeProblem('2024-07-01T08:00')!, /has no time-zone offset.*2024-07-01T08:00:00\+08:00/);
    assert.match(capDateTimeProblem('2024-07-01T08:00:00.5+08:00')!, /fractional seconds/);
    assert.match(capDateTimeProblem('2024-02-30T08:00:00+08:00')!, /day 30 does not exist in 2024-02/);
    assert.match(capDateTimeProblem('2024-13-01T08:00:00+08:00')!, /month 13 does not exist/);
    assert.match(capDateTimeProblem('2024-07-01T25:00:00+08:00')!, /time 25:00:00 does not exist/);
    assert.match(capDateTimeProblem('2024-07-01T08:00:00+15:00')!, /offset \+15:00 is beyond ±14:00/);
    assert.match(capDateTimeProblem('yesterday')!, /is not a CAP date-time/);
    assert.equal(capDateTimeProblem('2024-02-29T23:59:59-11:00'), undefined);
    assert.equal(parseCapDateTime('2024-07-01T08:00:00Z'), undefined);
  });
});
