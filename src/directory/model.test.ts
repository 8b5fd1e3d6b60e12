import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import {
  changedFields,
  checkEmail,
  checkKindAndDepartment,
  checkPhone,
  normaliseSkills,
  validateOrganisation,
  validatePerson,
  type OrganisationDraft,
  type PersonDraft,
} from './model.js';

/** Asserts a 400 whose message names `field`. */
function assertInvalid(run: () => unknown, field: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof InvalidInputError, `expected InvalidInputError, got ${String(error)}`);
    assert.equal(error.status, 400);
    assert.equal(error.details[0]?.field, field);
    assert.ok(error.message.startsWith(`${field}: `), error.message);
    return true;
  });
}

const department: OrganisationDraft = { kind: 'government_department', departmentType: 'health', nameZh: ' 武汉市卫生健康委员会 ', jurisdictionCode: '420100000000' };
const person: PersonDraft = { kind: 'volunteer', fullName: '王五（演示）', jurisdictionCode: '420102000000' };

describe('organisation validation', () => {
  test('a valid department is trimmed and optional fields default to null', () => {
    const fields = validateOrganisation(department);
    assert.equal(fields.nameZh, '武汉市卫生健康委员会');
    assert.equal(fields.departmentType, 'health');
    assert.equal(fields.nameEn, null);
    assert.equal(fields.phone, null);
    assert.equal(fields.parentId, null);
  });

  test('a government department needs a department type; other kinds must not have one', () => {
    assertInvalid(() => validateOrganisation({ ...department, departmentType: null }), 'departmentType');
    assertInvalid(() => validateOrganisation({ ...department, departmentType: undefined }), 'departmentType');
    assertInvalid(() => validateOrganisation({ ...department, kind: 'enterprise' }), 'departmentType');
    assert.equal(validateOrganisation({ ...department, kind: 'ngo', departmentType: null }).departmentType, null);
    assertInvalid(() => checkKindAndDepartment('government_department', 'ministry_of_magic'), 'departmentType');
    assertInvalid(() => checkKindAndDepartment('club', null), 'kind');
  });

  test('names: required, at most 100 characters (counted as characters, not bytes)', () => {
    assertInvalid(() => validateOrganisation({ ...department, nameZh: '   ' }), 'nameZh');
    assert.equal(validateOrganisation({ ...department, nameZh: '局'.repeat(100) }).nameZh.length, 100);
    assertInvalid(() => validateOrganisation({ ...department, nameZh: '局'.repeat(101) }), 'nameZh');
    assertInvalid(() => validateOrganisation({ ...department, nameEn: 'x'.repeat(201) }), 'nameEn');
    assertInvalid(() => validateOrganisation({ ...department, address: 'x'.repeat(301) }), 'address');
  });

  test('blank optional text becomes null', () => {
    const fields = validateOrganisation({ ...department, nameEn: '  ', phone: '', email: ' ' });
    assert.equal(fields.nameEn, null);
    assert.equal(fields.phone, null);
    assert.equal(fields.email, null);
  });
});

describe('phone and e-mail', () => {
  test('phone numbers in the usual written forms pass', () => {
    for (const phone of ['027-00000001', '+86 27 0000 0001', '(027) 0000-0001', '12345', '027-0000 0001 ext. 12', '027-00000001转123']) {
      assert.equal(checkPhone(phone), phone, phone);
    }
  });

  test('anything else is rejected, naming the field', () => {
    for (const phone of ['call me', '12', '027--', '+', '027-0000-0001; drop table', 'x'.repeat(33)]) {
      assertInvalid(() => checkPhone(phone), 'phone');
    }
    assertInvalid(() => validatePerson({ ...person, phone: 'abc' }), 'phone');
  });

  test('e-mail needs one @ and a dotted domain', () => {
    assert.equal(checkEmail(' a.b@example.org '), 'a.b@example.org');
    for (const email of ['a@b', 'a b@example.org', '@example.org', 'a@@example.org', 'a@example.', 'a@.org']) {
      assertInvalid(() => checkEmail(email), 'email');
    }
  });
});

describe('skills', () => {
  test('tags are trimmed, whitespace collapsed, duplicates (ignoring case) dropped', () => {
    assert.deepEqual(normaliseSkills([' 急救 ', 'CPR', 'cpr', 'swift   water rescue', '急救']), ['急救', 'CPR', 'swift water rescue']);
    assert.deepEqual(normaliseSkills(undefined), []);
  });

  test('at most 30 tags of at most 40 characters, none empty', () => {
    const thirty = Array.from({ length: 30 }, (_, i) => `skill-${i}`);
    assert.equal(normaliseSkills(thirty).length, 30);
    assertInvalid(() => normaliseSkills([...thirty, 'one-more']), 'skills');
    assert.equal(normaliseSkills(['技'.repeat(40)])[0]?.length, 40);
    assertInvalid(() => normaliseSkills(['ok', '技'.repeat(41)]), 'skills[1]');
    assertInvalid(() => normaliseSkills(['ok', '  ']), 'skills[1]');
    assertInvalid(() => normaliseSkills(['bell\u0007']), 'skills[0]');
    assert.deepEqual(normaliseSkills(['tab\there']), ['tab here']);
  });
});

describe('person validation', () => {
  test('a valid person', () => {
    const fields = validatePerson({ ...person, skills: ['急救'], phone: '027-00000003', title: ' 志愿者 ' });
    assert.equal(fields.kind, 'volunteer');
    assert.equal(fields.title, '志愿者');
    assert.deepEqual(fields.skills, ['急救']);
    assert.equal(fields.organisationId, null);
    assert.equal(fields.userId, null);
  });

  test('kind, name and title are checked', () => {
    assertInvalid(() => validatePerson({ ...person, kind: 'celebrity' }), 'kind');
    assertInvalid(() => validatePerson({ ...person, fullName: '' }), 'fullName');
    assertInvalid(() => validatePerson({ ...person, fullName: 'x'.repeat(101) }), 'fullName');
    assertInvalid(() => validatePerson({ ...person, title: 'x'.repeat(101) }), 'title');
    assertInvalid(() => validatePerson({ ...person, skills: Array.from({ length: 31 }, (_, i) => `s${i}`) }), 'skills');
  });
});

test('changedFields names what differs, comparing arrays by value', () => {
  assert.deepEqual(changedFields({ a: 1, s: ['x'], p: null }, { a: 1, s: ['x'], p: '1' }), ['p']);
  assert.deepEqual(changedFields({ s: ['x'] }, { s: ['x', 'y'] }), ['s']);
});
