import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classify, createModel, parseModel, serialiseModel, train, trainMany } from './classifier.js';
import { matchLexicon } from './lexicon.js';
import { tokenize } from './tokenize.js';
import { SIGNAL_TYPES } from './types.js';

const c = (model: ReturnType<typeof createModel>, text: string) => classify(model, tokenize(text), { text });

describe('lexicon', () => {
  it('matches Chinese substrings and whole English words', () => {
    assert.deepEqual(matchLexicon('洪山区一居民楼起火').fire?.terms, ['起火']);
    assert.equal(matchLexicon('the firefighters').fire?.terms.includes('fire'), false);
  });
});

describe('naive Bayes classifier', () => {
  it('works before any training, from the lexicon', () => {
    const model = createModel();
    assert.equal(c(model, '洪山区卓刀泉街道一居民楼起火，浓烟从五楼窗户冒出。').type, 'fire');
    assert.equal(c(model, '江夏区纸坊街道暴雨导致道路积水严重').type, 'flood');
    assert.equal(c(model, '巴东县一条公路发生塌方，交通中断').type, 'geological');
    assert.equal(c(model, 'Landslide buries houses in Badong').type, 'geological');
    assert.equal(c(model, '网传武汉将于下周解封，官方尚未发布').type, 'public_opinion');
    assert.equal(c(model, 'hello there').type, 'other');
  });

  it('returns probabilities over all types', () => {
    const result = c(createModel(), '黄石一钢厂发生爆炸');
    assert.equal(Object.keys(result.scores).length, SIGNAL_TYPES.length);
    assert.ok(Math.abs(Object.values(result.scores).reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.equal(result.confidence, result.scores[result.type]);
    assert.deepEqual(result.lexiconTerms.production_safety, ['爆炸', '钢厂']);
  });

  it('learns words the lexicon lacks, without changing the model it was given', () => {
    const empty = createModel();
    const examples = Array.from({ length: 5 }, () => ({ tokens: tokenize('小区电梯故障 需要 维修'), label: 'other' as const }));
    const withElevators = trainMany(train(empty, tokenize('学校 食堂 投诉'), 'public_order'), examples);
    assert.deepEqual(empty.classes, {});
    assert.equal(c(withElevators, '电梯故障维修').type, 'other');
    assert.ok(c(withElevators, '电梯故障维修').confidence > c(empty, '电梯故障维修').confidence);
    assert.equal(withElevators.classes.other?.docs, 5);
  });

  it('round-trips through JSON and rejects anything else', () => {
    const model = train(createModel(), tokenize('江岸区仓库起火'), 'fire');
    const parsed = parseModel(serialiseModel(model));
    assert.deepEqual(parsed, model);
    assert.deepEqual(c(parsed, '仓库起火'), c(model, '仓库起火'));
    assert.throws(() => parseModel('{"version":2}'), /version 1/);
    assert.throws(() => parseModel(JSON.stringify({ ...model, classes: { arson: { docs: 1, tokens: 1, counts: {} } } })), /unknown class/);
  });
});
