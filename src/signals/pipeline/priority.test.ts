import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_TYPE_WEIGHTS, growthRatio, priorityScore, type PriorityInput } from './priority.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const inputArb = fc.record({
  credibility: unit,
  severity: unit,
  clusterSize: fc.integer({ min: 1, max: 10_000 }),
  growth: fc.double({ min: 0, max: 1000, noNaN: true }),
  typeWeight: unit,
});

describe('priorityScore', () => {
  it('stays within 0..100 and reaches the ends', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const p = priorityScore(input);
      return p >= 0 && p <= 100;
    }));
    assert.equal(priorityScore({ credibility: 1, severity: 1, clusterSize: Infinity, growth: Infinity, typeWeight: 1 }), 100);
    assert.equal(priorityScore({ credibility: 0, severity: 0, clusterSize: 1, growth: 1, typeWeight: 0 }), 0);
  });

  for (const key of ['credibility', 'severity', 'clusterSize', 'growth', 'typeWeight'] as const) {
    it(`is monotone in ${key}`, () => {
      fc.assert(
        fc.property(inputArb, inputArb, (a, b) => {
          const low = Math.min(a[key], b[key]);
          const high = Math.max(a[key], b[key]);
          const base: PriorityInput = a;
          return priorityScore({ ...base, [key]: low }) <= priorityScore({ ...base, [key]: high }) + 1e-12;
        }),
      );
    });
  }

  it('ranks a credible, severe, growing disease cluster above a lone rumour', () => {
    const cluster = priorityScore({ credibility: 0.8, severity: 0.7, clusterSize: 6, growth: growthRatio(5, 1), typeWeight: DEFAULT_TYPE_WEIGHTS.disease_cluster });
    const rumour = priorityScore({ credibility: 0.5, severity: 0, clusterSize: 1, growth: growthRatio(1, 0), typeWeight: DEFAULT_TYPE_WEIGHTS.public_opinion });
    assert.ok(cluster > 50 && rumour < 15, `${cluster} vs ${rumour}`);
  });

  it('smooths growth so a first report is finite', () => {
    assert.equal(growthRatio(1, 0), 2);
    assert.equal(growthRatio(3, 3), 1);
  });
});
