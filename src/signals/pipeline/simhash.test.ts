import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EMPTY_SIMHASH, hammingDistance, isNearDuplicate, simhash } from './simhash.js';
import { tokenize } from './tokenize.js';

const tokensArb = fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 });
const hashArb = fc.stringMatching(/^[0-9a-f]{16}$/);

describe('simhash', () => {
  it('is 16 hex digits, the empty list giving zeros', () => {
    assert.match(simhash(['fire', 'wuhan']), /^[0-9a-f]{16}$/);
    assert.equal(simhash([]), EMPTY_SIMHASH);
  });

  it('gives identical token lists distance 0', () => {
    fc.assert(fc.property(tokensArb, (tokens) => hammingDistance(simhash(tokens), simhash([...tokens])) === 0));
  });

  it('has a symmetric Hamming distance within 0..64, zero only for equal hashes', () => {
    fc.assert(
      fc.property(hashArb, hashArb, (a, b) => {
        const d = hammingDistance(a, b);
        return d === hammingDistance(b, a) && d >= 0 && d <= 64 && (d === 0) === (a === b);
      }),
    );
  });

  it('puts a retweet near its original and an unrelated report far away', () => {
    const original = simhash(tokenize('网传武汉将用飞机在夜间喷洒消毒药，让市民不要出门，消息不实。'));
    const retweet = simhash(tokenize('转发：网传武汉将用飞机在夜间喷洒消毒药，让市民不要出门，消息不实。'));
    const other = simhash(tokenize('黄石市西塞山区一钢厂发生爆炸，有工人受伤，情况不明。'));
    assert.ok(isNearDuplicate(original, retweet, 6), `distance ${hammingDistance(original, retweet)}`);
    assert.ok(hammingDistance(original, other) > 16, `distance ${hammingDistance(original, other)}`);
  });

  it('rejects malformed fingerprints', () => {
    assert.throws(() => hammingDistance('abc', '0000000000000000'));
  });
});
