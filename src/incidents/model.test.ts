import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { INCIDENT_STATUSES, type IncidentStatus } from '../core/incident-types.js';
import { InvalidInputError } from '../core/errors.js';
import {
  allowedMoves,
  checkArea,
  checkPoint,
  formatIncidentNumber,
  isAllowedMove,
  isMajorLevelChange,
  isOpen,
  isReopening,
  needsReason,
  sequenceOfNumber,
} from './model.js';

/** The whole table, written out once more so a change to the machine is a deliberate one. */
const EXPECTED: ReadonlyArray<readonly [IncidentStatus, IncidentStatus]> = [
  ['reported', 'verified'],
  ['reported', 'closed'],
  ['verified', 'responding'],
  ['responding', 'recovering'],
  ['recovering', 'closed'],
  ['closed', 'responding'],
];

describe('incident status state machine', () => {
  for (const from of INCIDENT_STATUSES) {
    for (const to of INCIDENT_STATUSES) {
      const allowed = EXPECTED.some(([f, t]) => f === from && t === to);
      test(`${from} → ${to} is ${allowed ? 'allowed' : 'forbidden'}`, () => {
        assert.equal(isAllowedMove(from, to), allowed);
        assert.equal(allowedMoves(from).includes(to), allowed);
      });
    }
  }

  test('a false alarm and a reopening need a reason; nothing else does', () => {
    for (const [from, to] of EXPECTED) {
      const reason = (from === 'reported' && to === 'closed') || (from === 'closed' && to === 'responding');
      assert.equal(needsReason(from, to), reason, `${from} → ${to}`);
    }
  });

  test('only closed → responding is a reopening', () => {
    assert.equal(isReopening('closed', 'responding'), true);
    assert.equal(isReopening('recovering', 'closed'), false);
    assert.equal(isReopening('verified', 'responding'), false);
  });

  test('every status but closed is open', () => {
    assert.deepEqual(INCIDENT_STATUSES.filter(isOpen), ['reported', 'verified', 'responding', 'recovering']);
  });
});

describe('level changes', () => {
  test('to or from I or II is a major change; among III, IV and unassessed it is not', () => {
    assert.equal(isMajorLevelChange(null, 'I'), true);
    assert.equal(isMajorLevelChange('III', 'II'), true);
    assert.equal(isMajorLevelChange('II', 'III'), true);
    assert.equal(isMajorLevelChange('I', null), true);
    assert.equal(isMajorLevelChange('I', 'I'), false);
    assert.equal(isMajorLevelChange(null, 'IV'), false);
    assert.equal(isMajorLevelChange('IV', 'III'), false);
    assert.equal(isMajorLevelChange('III', null), false);
  });
});

describe('incident numbers', () => {
  test('formats and reads back the sequence of the same year', () => {
    assert.equal(formatIncidentNumber(2020, 123), 'INC-2020-000123');
    assert.equal(formatIncidentNumber(2020, 1_234_567), 'INC-2020-1234567');
    assert.equal(sequenceOfNumber('INC-2020-000123', 2020), 123);
    assert.equal(sequenceOfNumber('INC-2019-000123', 2020), undefined);
    assert.equal(sequenceOfNumber('nonsense', 2020), undefined);
  });
});

describe('geometry checks', () => {
  const square = [[[114.2, 30.6], [114.3, 30.6], [114.3, 30.7], [114.2, 30.6]]];

  test('accepts a closed polygon and a multipolygon, and a point', () => {
    assert.deepEqual(checkArea({ type: 'Polygon', coordinates: square }), { type: 'Polygon', coordinates: square });
    assert.equal(checkArea({ type: 'MultiPolygon', coordinates: [square, square] })?.type, 'MultiPolygon');
    assert.deepEqual(checkPoint([114.3, 30.6]), [114.3, 30.6]);
    assert.equal(checkArea(null), null);
    assert.equal(checkPoint(undefined), null);
  });

  test('names the field of a bad ring, position or point', () => {
    const open = [[[114.2, 30.6], [114.3, 30.6], [114.3, 30.7], [114.2, 30.7]]];
    assert.throws(() => checkArea({ type: 'Polygon', coordinates: open }), (e: unknown) => e instanceof InvalidInputError && e.message.startsWith('area.coordinates[0]: a linear ring must end'));
    assert.throws(() => checkArea({ type: 'Polygon', coordinates: [[[200, 30], [1, 1], [2, 2], [200, 30]]] }), /area\.coordinates\[0\]\[0\]\[0\]: longitude/);
    assert.throws(() => checkArea({ type: 'Point', coordinates: [1, 2] } as never), /area\.type: must be Polygon or MultiPolygon/);
    assert.throws(() => checkPoint([114, 95]), /point\[1\]: latitude/);
  });
});
