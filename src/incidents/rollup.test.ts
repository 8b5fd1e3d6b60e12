import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addFigures, checkFigures, checkPeriod, rollUp, topmostFilings, type RollupFiling, type RollupUnit } from './rollup.js';

// Wuhan with three districts; Jiang'an has two streets, one of which has a community below it.
const P = (...codes: string[]) => `/000000000000/420000000000/${codes.map((c) => `${c}/`).join('')}`;
const WUHAN: RollupUnit = { code: '420100000000', name: '武汉市', path: P('420100000000') };
const JIANGAN: RollupUnit = { code: '420102000000', name: '江岸区', path: P('420100000000', '420102000000') };
const JIANGHAN: RollupUnit = { code: '420103000000', name: '江汉区', path: P('420100000000', '420103000000') };
const QIAOKOU: RollupUnit = { code: '420104000000', name: '硚口区', path: P('420100000000', '420104000000') };
const STREET_A = P('420100000000', '420102000000', '420102001000');
const STREET_B = P('420100000000', '420102000000', '420102002000');
const COMMUNITY_A1 = `${STREET_A}420102001001/`;

function filing(path: string, figures: Record<string, number>): RollupFiling {
  const parts = path.split('/').filter(Boolean);
  return { jurisdictionCode: parts[parts.length - 1]!, jurisdictionPath: path, figures };
}

const CHILDREN = [JIANGAN, JIANGHAN, QIAOKOU];

describe('roll-up of situation reports', () => {
  test('sums the children that filed and lists those that did not', () => {
    const result = rollUp(WUHAN, CHILDREN, [filing(JIANGAN.path, { confirmed: 10, deaths: 1 }), filing(JIANGHAN.path, { confirmed: 5, suspected: 3 })]);
    assert.deepEqual(result.children.map((c) => [c.code, c.source, c.figures]), [
      ['420102000000', 'filed', { confirmed: 10, deaths: 1 }],
      ['420103000000', 'filed', { confirmed: 5, suspected: 3 }],
      ['420104000000', 'none', null],
    ]);
    assert.deepEqual(result.total, { confirmed: 15, deaths: 1, suspected: 3 });
    assert.deepEqual(result.notFiled, [{ code: '420104000000', name: '硚口区' }]);
    assert.equal(result.own, null);
  });

  test("reports the unit's own filing beside, not inside, the total", () => {
    const own = filing(WUHAN.path, { confirmed: 99 });
    const result = rollUp(WUHAN, CHILDREN, [own, filing(QIAOKOU.path, { confirmed: 1 })]);
    assert.equal(result.own, own);
    assert.deepEqual(result.total, { confirmed: 1 });
  });

  test('a child that did not file counts the filings below it', () => {
    const result = rollUp(WUHAN, CHILDREN, [filing(STREET_A, { confirmed: 2 }), filing(STREET_B, { confirmed: 3, evacuated: 40 })]);
    const jiangan = result.children[0]!;
    assert.equal(jiangan.source, 'below');
    assert.deepEqual(jiangan.figures, { confirmed: 5, evacuated: 40 });
    assert.deepEqual(jiangan.filings.map((f) => f.jurisdictionPath), [STREET_A, STREET_B]);
    assert.deepEqual(result.notFiled.map((u) => u.code), ['420103000000', '420104000000']);
  });

  test('a filing stands for its subtree: deeper filings under it are not counted twice', () => {
    const filings = [filing(STREET_A, { confirmed: 2 }), filing(COMMUNITY_A1, { confirmed: 2 }), filing(STREET_B, { confirmed: 1 })];
    assert.deepEqual(topmostFilings(filings).map((f) => f.jurisdictionPath), [STREET_A, STREET_B]);
    assert.deepEqual(rollUp(WUHAN, CHILDREN, filings).children[0]!.figures, { confirmed: 3 });
    // The child's own filing wins over everything below it.
    const withOwn = rollUp(WUHAN, CHILDREN, [...filings, filing(JIANGAN.path, { confirmed: 7 })]);
    assert.equal(withOwn.children[0]!.source, 'filed');
    assert.deepEqual(withOwn.children[0]!.figures, { confirmed: 7 });
  });

  test('nothing filed: an empty total and every child not filed', () => {
    const result = rollUp(WUHAN, CHILDREN, []);
    assert.deepEqual(result.total, {});
    assert.equal(result.notFiled.length, 3);
  });
});

describe('figures and periods', () => {
  test('figures: keys sorted, any allowed key, non-negative numbers', () => {
    assert.deepEqual(checkFigures({ sheltered: 5, confirmed: 1.5, custom_key_2: 0 }), { confirmed: 1.5, custom_key_2: 0, sheltered: 5 });
    assert.throws(() => checkFigures({ Confirmed: 1 }), /figures\.Confirmed: keys are/);
    assert.throws(() => checkFigures({ deaths: -1 }), /figures\.deaths: must be a non-negative number/);
    assert.throws(() => checkFigures({ deaths: '3' }), /figures\.deaths/);
    const many = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`k${i}`, 1]));
    assert.throws(() => checkFigures(many), /figures: has 41 keys/);
  });

  test('addFigures keeps absent keys absent', () => {
    assert.deepEqual(addFigures({ a: 1 }, { b: 2, a: 1 }), { a: 2, b: 2 });
  });

  test('periods must be real days', () => {
    assert.equal(checkPeriod('2020-02-29'), '2020-02-29');
    assert.throws(() => checkPeriod('2021-02-29'), /period: must be a day/);
    assert.throws(() => checkPeriod('2020-2-1'), /period/);
  });
});
