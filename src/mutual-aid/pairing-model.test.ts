import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RoleGrant } from '../core/actor.js';
import { checkPairingTerms, isInForce, isPairedSupporter, type PairingScope } from './pairing-model.js';

const HUNAN = '/000000000000/430000000000/';
const HUANGGANG = '/000000000000/420000000000/421100000000/';
const MACHENG = `${HUANGGANG}421181000000/`;
const WUHAN = '/000000000000/420000000000/420100000000/';

const pairing: PairingScope = { supporterPath: HUNAN, supportedPath: HUANGGANG, validFrom: '2020-02-10', validTo: '2020-04-30', status: 'active' };
const grant = (role: RoleGrant['role'], path: string): RoleGrant => ({ role, jurisdictionCode: path.split('/').at(-2)!, jurisdictionPath: path });

describe('isPairedSupporter (DESIGN.md Security: a pairing grants access)', () => {
  test("a supporter's officer reaches the supported region and its subtree while the pairing is in force", () => {
    assert.equal(isPairedSupporter([grant('duty_officer', HUNAN)], [pairing], HUANGGANG, '2020-02-12'), true);
    assert.equal(isPairedSupporter([grant('commander', HUNAN)], [pairing], MACHENG, '2020-04-30'), true);
  });

  test('not another region, not outside the dates, not when not active, not for non-officer roles', () => {
    assert.equal(isPairedSupporter([grant('duty_officer', HUNAN)], [pairing], WUHAN, '2020-02-12'), false);
    assert.equal(isPairedSupporter([grant('duty_officer', HUNAN)], [pairing], HUANGGANG, '2020-02-09'), false);
    assert.equal(isPairedSupporter([grant('duty_officer', HUNAN)], [pairing], HUANGGANG, '2020-05-01'), false);
    assert.equal(isPairedSupporter([grant('duty_officer', HUNAN)], [{ ...pairing, status: 'proposed' }], HUANGGANG, '2020-02-12'), false);
    assert.equal(isPairedSupporter([grant('volunteer', HUNAN)], [pairing], HUANGGANG, '2020-02-12'), false);
    assert.equal(isPairedSupporter([grant('duty_officer', WUHAN)], [pairing], HUANGGANG, '2020-02-12'), false);
  });

  test('a grant above the supporter (the country) covers it too; open-ended pairings stay in force', () => {
    assert.equal(isPairedSupporter([grant('admin', '/000000000000/')], [{ ...pairing, validTo: null }], HUANGGANG, '2030-01-01'), true);
    assert.equal(isInForce({ ...pairing, validTo: null }, '2020-02-10'), true);
  });
});

describe('pairing terms', () => {
  test('dates in order, known kinds, duplicates dropped', () => {
    assert.deepEqual(checkPairingTerms({ validFrom: '2020-02-10', validTo: null, supports: ['medical_teams', 'medical_teams'] }).supports, ['medical_teams']);
    assert.throws(() => checkPairingTerms({ validFrom: '2020-02-10', validTo: '2020-02-09', supports: ['medical_teams'] }), /validTo: must not be before/);
    assert.throws(() => checkPairingTerms({ validFrom: '2020-02-30', validTo: null, supports: ['medical_teams'] }), /validFrom: "2020-02-30" is not a day/);
    assert.throws(() => checkPairingTerms({ validFrom: '2020-02-10', validTo: null, supports: ['money'] }), /supports\[0\]: "money" is not a known kind/);
    assert.throws(() => checkPairingTerms({ validFrom: '2020-02-10', validTo: null, supports: [] }), /supports: name at least one/);
  });
});
