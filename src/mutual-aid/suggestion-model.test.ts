import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { greatCircleKm } from './great-circle.js';
import { explainSolution } from './suggestion-explain.js';
import { DEFAULT_SUGGESTION_OPTIONS, InfeasibleSuggestionError, buildArraysModel, buildLpText, buildProblem, type Recipient, type SuggestionOptions, type Supporter } from './suggestion-model.js';
import { solveInWorker } from './solver.js';

const supporters: Supporter[] = [
  { code: 'S0', name: 'S0', centroid: null, capacity: 4 },
  { code: 'S1', name: 'S1', centroid: null, capacity: 3 },
  { code: 'S2', name: 'S2', centroid: null, capacity: 5 },
];
const recipients: Recipient[] = [
  { code: 'R0', name: 'R0', centroid: null, need: 4 },
  { code: 'R1', name: 'R1', centroid: null, need: 5 },
];
/** Unit costs c[i][j], given as overrides so the optimum is known exactly. */
const COST = [
  [2, 9],
  [1, 4],
  [6, 5],
];
const overrides = COST.flatMap((row, i) => row.map((unitCost, j) => ({ supporterCode: `S${i}`, recipientCode: `R${j}`, unitCost })));

/**
 * Enumerates every whole-number allocation x[i][j] ≤ min(s_i, d_j) (a transportation problem with
 * whole data has a whole optimum) and keeps the cheapest feasible one; `maxPerRecipient` caps the
 * supporters of each recipient, `pairCost` is added per pair used.
 */
function bruteForce(maxPerRecipient: number | null, pairCost = 0): number {
  const n = supporters.length;
  const m = recipients.length;
  const x = Array.from({ length: n * m }, () => 0);
  let best = Infinity;
  const visit = (k: number) => {
    if (k === n * m) {
      for (let i = 0; i < n; i++) if (x.slice(i * m, i * m + m).reduce((a, b) => a + b, 0) > supporters[i]!.capacity) return;
      for (let j = 0; j < m; j++) {
        let got = 0;
        let pairs = 0;
        for (let i = 0; i < n; i++) {
          got += x[i * m + j]!;
          if (x[i * m + j]! > 0) pairs++;
        }
        if (got < recipients[j]!.need) return;
        if (maxPerRecipient !== null && pairs > maxPerRecipient) return;
      }
      const cost = x.reduce((sum, v, c) => sum + v * COST[Math.floor(c / m)]![c % m]! + (v > 0 ? pairCost : 0), 0);
      best = Math.min(best, cost);
      return;
    }
    const i = Math.floor(k / m);
    const j = k % m;
    for (let v = 0; v <= Math.min(supporters[i]!.capacity, recipients[j]!.need); v++) {
      x[k] = v;
      visit(k + 1);
    }
    x[k] = 0;
  };
  visit(0);
  return best;
}

function options(changes: Partial<SuggestionOptions>): SuggestionOptions {
  return { ...DEFAULT_SUGGESTION_OPTIONS, costOverrides: overrides, ...changes };
}

describe('pairing suggestion: the model solved by HiGHS in a worker', () => {
  test('the transportation LP reaches the brute-force optimum, via the arrays API and via LP text alike', async () => {
    const problem = buildProblem(supporters, recipients, options({}));
    assert.equal(problem.integer, false);
    const expected = bruteForce(null);
    const arrays = await solveInWorker({ mode: 'arrays', model: buildArraysModel(problem), timeLimitSeconds: 10 });
    assert.equal(arrays.status, 'optimal');
    assert.ok(Math.abs(arrays.objective! - expected) < 1e-6, `arrays ${arrays.objective} vs brute force ${expected}`);
    const text = await solveInWorker({ mode: 'lp', lpText: buildLpText(problem), timeLimitSeconds: 10 });
    assert.equal(text.status, 'optimal');
    assert.ok(Math.abs(text.objective! - expected) < 1e-6);
  });

  test('with at most one supporter per recipient (a MIP) the optimum changes and still matches brute force', async () => {
    const problem = buildProblem(supporters, recipients, options({ maxSupportersPerRecipient: 1 }));
    assert.equal(problem.integer, true);
    const expected = bruteForce(1);
    assert.ok(expected > bruteForce(null), 'the cap must bind in this instance');
    const outcome = await solveInWorker({ mode: 'arrays', model: buildArraysModel(problem), timeLimitSeconds: 10 });
    assert.equal(outcome.status, 'optimal');
    assert.ok(Math.abs(outcome.objective! - expected) < 1e-6, `${outcome.objective} vs ${expected}`);
    const result = explainSolution(problem, outcome.colValue!, outcome.objective!);
    for (const code of ['R0', 'R1']) assert.equal(result.pairs.filter((p) => p.recipientCode === code).length, 1);
  });

  test('a fixed cost per pair is part of the objective', async () => {
    const problem = buildProblem(supporters, recipients, options({ pairCost: 7 }));
    const outcome = await solveInWorker({ mode: 'arrays', model: buildArraysModel(problem), timeLimitSeconds: 10 });
    assert.equal(outcome.status, 'optimal');
    assert.ok(Math.abs(outcome.objective! - bruteForce(null, 7)) < 1e-6);
  });

  test('caps no pairing can meet: the solver status is infeasible, never a made-up answer', async () => {
    // Total capacity 12 covers needs 5 + 5, but with one supporter each both would need S2 (the only one with 5).
    const tight = buildProblem(supporters, [{ ...recipients[0]!, need: 5 }, recipients[1]!], options({ maxSupportersPerRecipient: 1 }));
    const outcome = await solveInWorker({ mode: 'arrays', model: buildArraysModel(tight), timeLimitSeconds: 10 });
    assert.equal(outcome.status, 'infeasible');
    assert.equal(outcome.colValue, undefined);
  });

  test('solves asked at once queue for the solver and all answer', async () => {
    const problem = buildProblem(supporters, recipients, options({}));
    const outcomes = await Promise.all([1, 2, 3].map(() => solveInWorker({ mode: 'arrays', model: buildArraysModel(problem), timeLimitSeconds: 10 })));
    assert.deepEqual(outcomes.map((o) => [o.status, o.objective]), Array.from({ length: 3 }, () => ['optimal', bruteForce(null)]));
  });

  test('explanations: quantities meet each need, shares and the alternatives are right', async () => {
    const problem = buildProblem(supporters, recipients, options({}));
    const outcome = await solveInWorker({ mode: 'arrays', model: buildArraysModel(problem), timeLimitSeconds: 10 });
    const result = explainSolution(problem, outcome.colValue!, outcome.objective!);
    for (const r of recipients) {
      const got = result.pairs.filter((p) => p.recipientCode === r.code).reduce((sum, p) => sum + p.quantity, 0);
      assert.ok(got >= r.need - 1e-6, `${r.code} gets ${got}`);
    }
    for (const pair of result.pairs) {
      assert.equal(pair.costSource, 'override');
      assert.ok(Math.abs(pair.cost - pair.quantity * pair.unitCost) < 1e-6);
      assert.ok(Math.abs(pair.shareOfNeed - pair.quantity / recipients.find((r) => r.code === pair.recipientCode)!.need) < 1e-6);
      const sorted = [...pair.alternatives].map((a) => a.unitCost);
      assert.deepEqual(sorted, [...sorted].sort((a, b) => a - b));
      assert.ok(pair.why.length > 0);
    }
  });
});

describe('pairing suggestion: input checks and costs', () => {
  test('total need above total capacity is refused with the reason (422)', () => {
    assert.throws(
      () => buildProblem(supporters, [{ ...recipients[0]!, need: 100 }, recipients[1]!], options({})),
      (error: unknown) => error instanceof InfeasibleSuggestionError && error.status === 422 && /total need \(105\) exceeds the supporters' total capacity \(12\)/.test(error.message),
    );
  });

  test('bad input names the field', () => {
    assert.throws(() => buildProblem([], recipients, options({})), /supporters: name at least one/);
    assert.throws(() => buildProblem([{ ...supporters[0]!, capacity: -1 }], recipients, options({})), /supporters\[0\]\.capacity/);
    assert.throws(() => buildProblem([supporters[0]!, supporters[0]!], recipients, options({})), /supporters\[1\]\.code: S0 is listed twice/);
    assert.throws(() => buildProblem(supporters, recipients, options({ maxSupportersPerRecipient: 0 })), /options\.maxSupportersPerRecipient/);
    assert.throws(() => buildProblem(supporters, [{ ...recipients[0]!, code: 'S1' }], options({})), /recipients\[0\]\.code: S1 cannot support itself/);
  });

  test('great-circle distance between centroids, or the default distance when one is unknown', () => {
    assert.ok(Math.abs(greatCircleKm([0, 0], [0, 1]) - 111.195) < 0.01);
    const problem = buildProblem(
      [{ code: 'A', name: 'A', centroid: [114, 30], capacity: 1 }, { code: 'B', name: 'B', centroid: null, capacity: 1 }],
      [{ code: 'R', name: 'R', centroid: [114, 31], need: 1 }],
      { ...DEFAULT_SUGGESTION_OPTIONS, costPerKm: 2, defaultDistanceKm: 800 },
    );
    assert.equal(problem.costs[0]!.source, 'distance');
    assert.ok(Math.abs(problem.costs[0]!.unitCost - 2 * 111.195) < 0.05);
    assert.deepEqual(problem.costs[1], { unitCost: 1600, distanceKm: null, source: 'default_distance' });
  });
});
