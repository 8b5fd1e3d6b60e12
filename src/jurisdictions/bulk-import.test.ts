import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import { commonAncestorPath, orderParentsFirst } from './bulk-import.js';

describe('orderParentsFirst', () => {
  it('puts every parent before its children, whatever the input order', () => {
    const units = [
      { code: 'v', parentCode: 't' },
      { code: 't', parentCode: 'c' },
      { code: 'p', parentCode: 'root' },
      { code: 'c', parentCode: 'p' },
      { code: 'root', parentCode: null },
      { code: 'q', parentCode: 'stored-elsewhere' },
    ];
    const ordered = orderParentsFirst(units).map((u) => u.code);
    assert.equal(ordered.length, units.length);
    for (const u of units) {
      if (u.parentCode !== null && ordered.includes(u.parentCode)) assert.ok(ordered.indexOf(u.parentCode) < ordered.indexOf(u.code), `${u.parentCode} before ${u.code}`);
    }
    // Units at the same depth keep their input order.
    assert.deepEqual(ordered.slice(0, 2), ['root', 'q']);
  });

  it('reports a cycle as invalid input', () => {
    assert.throws(
      () => orderParentsFirst([{ code: 'a', parentCode: 'b' }, { code: 'b', parentCode: 'a' }]),
      (e: unknown) => e instanceof InvalidInputError && /cycle/.test(e.message),
    );
  });

  it('handles a deep chain without recursion', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => ({ code: `n${i}`, parentCode: i === 0 ? null : `n${i - 1}` })).reverse();
    const ordered = orderParentsFirst(chain);
    assert.equal(ordered[0]!.code, 'n0');
    assert.equal(ordered[19999]!.code, 'n19999');
  });
});

describe('commonAncestorPath', () => {
  it('finds the deepest shared ancestor path', () => {
    assert.equal(commonAncestorPath(['/0/42/4201/', '/0/42/4202/x/']), '/0/42/');
    assert.equal(commonAncestorPath(['/0/42/4201/']), '/0/42/4201/');
    assert.equal(commonAncestorPath(['/0/42/', '/0/43/']), '/0/');
    assert.equal(commonAncestorPath(['/a/', '/b/']), '/');
    // "/0/42/" is not an ancestor of "/0/420/" though it is a string prefix.
    assert.equal(commonAncestorPath(['/0/42/', '/0/420/']), '/0/');
  });
});
