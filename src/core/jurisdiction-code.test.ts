import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  COUNTRY_ROOT_CODE,
  impliedParentCode,
  isWithinPath,
  levelOfChineseCode,
  normaliseJurisdictionCode,
  shortJurisdictionCode,
} from './jurisdiction-code.js';

// Examples from DESIGN.md "Jurisdiction codes": Hubei 42, Wuhan 4201, Jiang'an 420102.
test('unpadded statistical codes are padded to 12 digits', () => {
  assert.equal(normaliseJurisdictionCode('42'), '420000000000');
  assert.equal(normaliseJurisdictionCode('4201'), '420100000000');
  assert.equal(normaliseJurisdictionCode('420102'), '420102000000');
  assert.equal(normaliseJurisdictionCode('420102001'), '420102001000');
  assert.equal(normaliseJurisdictionCode('420102001001'), '420102001001');
  assert.equal(normaliseJurisdictionCode(' 0 '), COUNTRY_ROOT_CODE);
});

test('codes of other lengths are rejected with the field named', () => {
  assert.throws(() => normaliseJurisdictionCode('123', 'homeJurisdictionCode'), /^InvalidInputError: homeJurisdictionCode: "123" is not a statistical code/);
  assert.throws(() => normaliseJurisdictionCode('a b'), /code: "a b" is not a jurisdiction code/);
});

test('other hierarchies and grid cells keep their own codes', () => {
  assert.equal(normaliseJurisdictionCode('US-CA'), 'US-CA');
  assert.equal(normaliseJurisdictionCode('420102001001-G01'), '420102001001-G01');
});

test('levels and parents are read from a Chinese code', () => {
  assert.equal(levelOfChineseCode('000000000000'), 'country');
  assert.equal(levelOfChineseCode('420000000000'), 'province');
  assert.equal(levelOfChineseCode('420100000000'), 'city');
  assert.equal(levelOfChineseCode('420102000000'), 'county');
  assert.equal(levelOfChineseCode('420102001000'), 'township');
  assert.equal(levelOfChineseCode('420102001001'), 'village');
  assert.equal(levelOfChineseCode('US-CA'), undefined);
  assert.equal(impliedParentCode('420102001001'), '420102001000');
  assert.equal(impliedParentCode('420100000000'), '420000000000');
  assert.equal(impliedParentCode('420000000000'), COUNTRY_ROOT_CODE);
});

test('short form and padded form round-trip for every level', () => {
  fc.assert(
    fc.property(fc.constantFrom(2, 4, 6, 9, 12), fc.integer({ min: 11, max: 99 }), fc.nat(), (length, province, rest) => {
      const digits = (String(province) + String(rest).padStart(10, '1')).slice(0, length);
      const padded = normaliseJurisdictionCode(digits);
      assert.equal(normaliseJurisdictionCode(shortJurisdictionCode(padded)), padded);
    }),
  );
});

test('a path lies within its own scope and its ancestors', () => {
  const wuhan = '/000000000000/420000000000/420100000000/';
  assert.ok(isWithinPath('/000000000000/', wuhan));
  assert.ok(isWithinPath(wuhan, wuhan));
  assert.ok(!isWithinPath('/000000000000/420000000000/420200000000/', wuhan));
  assert.ok(!isWithinPath(wuhan, '/000000000000/420000000000/'));
});
