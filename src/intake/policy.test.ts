import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Role } from '../core/roles.js';
import { systemActor, type Actor } from '../core/actor.js';
import { canListReports, canManageReporter, canPostReportMessage, canSetReportingLimits, canSubmitReport, canViewReport, type ReportScope } from './policy.js';

const PATHS = {
  root: '/000000000000/',
  wuhan: '/000000000000/420000000000/420100000000/',
  jiangan: '/000000000000/420000000000/420100000000/420102000000/',
  huangshi: '/000000000000/420000000000/420200000000/',
  hubei: '/000000000000/420000000000/',
};

function actor(role: Role, place: keyof typeof PATHS = 'wuhan', id = `u-${role}`): Actor {
  return { kind: 'user', id, name: id, grants: [{ role, jurisdictionCode: 'x', jurisdictionPath: PATHS[place], department: null }] };
}

const report = (path: string, extra: Partial<ReportScope> = {}): ReportScope => ({ jurisdictionPath: path, placeUnmatched: false, reportingUnitPath: null, reporterUserId: 'someone', ...extra });
const READERS: Role[] = ['admin', 'commander', 'duty_officer', 'department_officer', 'analyst'];
const OFFICERS: Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

describe('intake policy: every role × in scope / sibling / parent', () => {
  for (const role of ROLES) {
    test(role, () => {
      const a = actor(role);
      assert.equal(canSubmitReport(a, PATHS.jiangan), true);
      assert.equal(canSubmitReport(a, PATHS.huangshi), false);
      assert.equal(canSubmitReport(a, PATHS.hubei), false);
      assert.equal(canSubmitReport(a, undefined), true, 'an unmatched place is never refused');
      assert.equal(canViewReport(a, report(PATHS.jiangan)), READERS.includes(role));
      assert.equal(canViewReport(a, report(PATHS.huangshi)), false);
      assert.equal(canViewReport(a, report(PATHS.hubei)), false);
      assert.equal(canPostReportMessage(a, report(PATHS.jiangan)), OFFICERS.includes(role));
      assert.equal(canPostReportMessage(a, report(PATHS.huangshi)), false);
      assert.equal(canListReports(a, PATHS.wuhan), READERS.includes(role));
      assert.equal(canListReports(a, PATHS.hubei), false);
      assert.equal(canManageReporter(a, PATHS.jiangan), OFFICERS.includes(role));
      assert.equal(canManageReporter(a, PATHS.huangshi), false);
      assert.equal(canSetReportingLimits(a, PATHS.root), false);
      // The reporter always sees and answers on their own report.
      const own = report(PATHS.huangshi, { reporterUserId: a.id });
      assert.equal(canViewReport(a, own), true);
      assert.equal(canPostReportMessage(a, own), true);
    });
  }
  test('an unmatched report is triaged by its reporting unit\'s readers', () => {
    const unmatched = report(PATHS.root, { placeUnmatched: true, reportingUnitPath: PATHS.jiangan });
    assert.equal(canViewReport(actor('duty_officer'), unmatched), true);
    assert.equal(canViewReport(actor('duty_officer', 'huangshi'), unmatched), false);
    assert.equal(canViewReport(actor('duty_officer', 'root'), unmatched), true);
  });
  test('only a root admin sets reporting limits; the system passes', () => {
    assert.equal(canSetReportingLimits(actor('admin', 'root'), PATHS.root), true);
    assert.equal(canSetReportingLimits(actor('commander', 'root'), PATHS.root), false);
    assert.equal(canSetReportingLimits(systemActor(), PATHS.root), true);
  });
});
