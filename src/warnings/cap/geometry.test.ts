import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCapCircle, formatCapPolygon, parseCapCircle, parseCapPolygon } from './geometry.js';
import { formatCapReferences, parseCapReferences, referenceTo } from './references.js';

function circleProblems(text: string): readonly string[] {
  const result = parseCapCircle(text);
  return result.ok ? [] : result.problems;
}

describe('CAP polygons and circles', () => {
  test('a closed ring reads to numbers and writes back to the same text', () => {
    const text = '30.5,114.2 30.7,114.2 30.7,114.5 30.5,114.2';
    const parsed = parseCapPolygon(text);
    assert.deepEqual(parsed, { ok: true, value: [{ lat: 30.5, lon: 114.2 }, { lat: 30.7, lon: 114.2 }, { lat: 30.7, lon: 114.5 }, { lat: 30.5, lon: 114.2 }] });
    assert.equal(formatCapPolygon(parsed.ok ? parsed.value : []), text);
    // Extra whitespace between pairs is allowed by CAP.
    assert.equal(parseCapPolygon(`  ${text.replaceAll(' ', '\n\t')} `).ok, true);
  });

  test('writing closes an open ring and never uses exponent notation', () => {
    assert.equal(formatCapPolygon([{ lat: 1e-7, lon: 0 }, { lat: 1, lon: 0 }, { lat: 1, lon: 1 }]), '0.0000001,0 1,0 1,1 0.0000001,0');
    assert.throws(() => formatCapPolygon([{ lat: 0, lon: 0 }, { lat: 1, lon: 1 }]), /polygon: has 2 points/);
    assert.throws(() => formatCapPolygon([{ lat: 91, lon: 0 }, { lat: 1, lon: 0 }, { lat: 1, lon: 1 }]), /latitude 91 is outside/);
  });

  test('names open rings, short rings, bad pairs and out-of-range coordinates', () => {
    const problems = (text: string): readonly string[] => {
      const result = parseCapPolygon(text);
      return result.ok ? [] : result.problems;
    };
    assert.deepEqual(problems('30,114 31,114 31,115 30,115'), ['is not closed: the last pair (30,115) must repeat the first (30,114)']);
    assert.deepEqual(problems('30,114 31,114 30,114'), ['has 3 coordinate pairs; a polygon needs at least 4 (a closed ring: the first pair repeated at the end)']);
    assert.deepEqual(problems('30;114 31,114 31,115 30,114'), ['pair 1 "30;114" is not "lat,lon"']);
    assert.deepEqual(problems('114,30 114,31 115,31 114,30'), [
      'pair 1: latitude 114 is outside -90…90 (CAP writes latitude first)',
      'pair 2: latitude 114 is outside -90…90 (CAP writes latitude first)',
      'pair 3: latitude 115 is outside -90…90 (CAP writes latitude first)',
      'pair 4: latitude 114 is outside -90…90 (CAP writes latitude first)',
    ]);
    assert.match(problems('')[0]!, /has 0 coordinate pairs/);
    assert.match(problems('0,181 1,0 1,1 0,181')[0]!, /pair 1: longitude 181 is outside -180…180/);
  });

  test('circles: "lat,lon radius_km"', () => {
    assert.deepEqual(parseCapCircle('30.584355,114.298572 15'), { ok: true, value: { center: { lat: 30.584355, lon: 114.298572 }, radiusKm: 15 } });
    assert.equal(formatCapCircle({ center: { lat: 30.584355, lon: 114.298572 }, radiusKm: 0.5 }), '30.584355,114.298572 0.5');
    for (const bad of ['30.5,114.3', '30.5 114.3 10', '30.5,114.3,10', '30.5,114.3 ten', '']) {
      assert.match(circleProblems(bad)[0]!, /is not a circle "lat,lon radius_km"/, bad);
    }
    assert.deepEqual(circleProblems('95,114.3 -1'), ['centre: latitude 95 is outside -90…90 (CAP writes latitude first)', 'radius -1 km is negative']);
    assert.throws(() => formatCapCircle({ center: { lat: 0, lon: 0 }, radiusKm: Number.NaN }), /circle: radius NaN km/);
  });
});

describe('CAP references', () => {
  const first = { sender: 'yjj.wuhan.gov.cn', identifier: 'CN-1', sent: '2024-07-01T06:30:00+08:00' };
  test('builds "sender,identifier,sent" triples and reads them back', () => {
    const text = formatCapReferences([referenceTo(first), { ...first, identifier: 'CN-2', sent: '2024-07-01T12:00:00+08:00' }]);
    assert.equal(text, 'yjj.wuhan.gov.cn,CN-1,2024-07-01T06:30:00+08:00 yjj.wuhan.gov.cn,CN-2,2024-07-01T12:00:00+08:00');
    assert.deepEqual(parseCapReferences(text), { references: [first, { ...first, identifier: 'CN-2', sent: '2024-07-01T12:00:00+08:00' }], problems: [] });
  });

  test('refuses parts that would make the list unreadable', () => {
    assert.throws(() => formatCapReferences([]), /references: name at least one/);
    assert.throws(() => formatCapReferences([{ ...first, identifier: 'CN 1' }]), /references\[0\]\.identifier: "CN 1" is empty or holds a space, comma/);
    assert.throws(() => formatCapReferences([{ ...first, sender: 'a,b' }]), /references\[0\]\.sender/);
    assert.throws(() => formatCapReferences([{ ...first, sent: '2024-07-01T06:30:00Z' }]), /references\[0\]\.sent: .*ends in Z/);
  });

  test('names each malformed reference', () => {
    assert.deepEqual(parseCapReferences('a,b c,d,2024-07-01T06:30:00Z').problems, ['reference 1 "a,b" is not "sender,identifier,sent"', 'reference 2: sent "2024-07-01T06:30:00Z" ends in Z; CAP 1.2 needs a numeric offset (write +00:00 for UTC, +08:00 for China)']);
    assert.deepEqual(parseCapReferences(' ').problems, ['is empty; list earlier messages as "sender,identifier,sent"']);
  });
});
