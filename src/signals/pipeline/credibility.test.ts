import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { betaCdf, betaQuantile, credibility, credibilityOf } from './credibility.js';

const count = fc.integer({ min: 0, max: 500 });
const prior = fc.double({ min: 0.5, max: 10, noNaN: true });

describe('credibility (beta-binomial)', () => {
  it('gives the posterior mean', () => {
    assert.equal(credibility({ verified: 0, rejected: 0, priorAlpha: 1, priorBeta: 1 }).mean, 0.5);
    assert.equal(credibility({ verified: 8, rejected: 2, priorAlpha: 1, priorBeta: 1 }).mean, 9 / 12);
    assert.equal(credibilityOf('authenticated_unit', 0, 0).mean, 0.8);
    assert.equal(credibilityOf('folk_professional', 0, 0).mean, 2 / 3);
  });

  it('has a lower bound in 0..mean, and the mean within 0..1', () => {
    fc.assert(
      fc.property(count, count, prior, prior, (verified, rejected, priorAlpha, priorBeta) => {
        const { mean, lower } = credibility({ verified, rejected, priorAlpha, priorBeta });
        return mean > 0 && mean < 1 && lower >= 0 && lower <= mean;
      }),
      { numRuns: 200 },
    );
  });

  it('rises with verified reports and falls with rejected ones', () => {
    fc.assert(
      fc.property(count, count, (verified, rejected) => {
        const base = credibilityOf('public', verified, rejected);
        const more = credibilityOf('public', verified + 1, rejected);
        const worse = credibilityOf('public', verified, rejected + 1);
        return more.mean > base.mean && more.lower >= base.lower - 1e-9 && worse.mean < base.mean;
      }),
      { numRuns: 100 },
    );
  });

  it('ranks a long good record above a newcomer with the same mean by its lower bound', () => {
    const newcomer = credibility({ verified: 1, rejected: 0, priorAlpha: 1, priorBeta: 1 });
    const veteran = credibility({ verified: 40, rejected: 19, priorAlpha: 1, priorBeta: 1 });
    assert.ok(Math.abs(newcomer.mean - veteran.mean) < 0.01);
    assert.ok(veteran.lower > newcomer.lower);
  });

  it('computes the Beta distribution correctly', () => {
    assert.ok(Math.abs(betaCdf(0.5, 1, 1) - 0.5) < 1e-12);
    assert.ok(Math.abs(betaCdf(0.3, 2, 1) - 0.09) < 1e-10); // x² for Beta(2, 1)
    assert.ok(Math.abs(betaQuantile(0.05, 1, 1) - 0.05) < 1e-9);
    assert.ok(Math.abs(betaQuantile(0.05, 2, 1) - Math.sqrt(0.05)) < 1e-9);
  });

  it('rejects bad input', () => {
    assert.throws(() => credibility({ verified: -1, rejected: 0, priorAlpha: 1, priorBeta: 1 }));
    assert.throws(() => credibility({ verified: 0, rejected: 0, priorAlpha: 0, priorBeta: 1 }));
  });
});
