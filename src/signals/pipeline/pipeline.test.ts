import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createModel } from './classifier.js';
import { fixtureGazetteer } from './fixtures.js';
import { enrichSignal } from './pipeline.js';
import { CATEGORY_OF_TYPE, EMERGENCY_CATEGORIES, SIGNAL_TYPES } from './types.js';

const deps = { model: createModel(), gazetteer: fixtureGazetteer() };
const observedAt = '2020-02-08T10:00:00+08:00';

describe('enrichSignal', () => {
  it('enriches a Chinese report: language, type, category, severity, place from text, simhash', () => {
    const signal = enrichSignal({ text: '黄石市一钢厂发生爆炸，有工人受伤，2人死亡。', observedAt }, deps);
    assert.equal(signal.language, 'zh');
    assert.equal(signal.type, 'production_safety');
    assert.equal(signal.category, 'accident_disaster');
    assert.equal(signal.severity, 1);
    assert.ok(signal.severityWords.includes('死亡'));
    assert.deepEqual(
      { code: signal.place.code, matched: signal.place.matched, via: signal.place.via },
      { code: '420200000000', matched: true, via: 'text' },
    );
    assert.match(signal.simhash, /^[0-9a-f]{16}$/);
    assert.ok(signal.tokens.includes('爆炸'));
    assert.equal(signal.observedAt, observedAt);
  });

  it('prefers a given place code or text over the report text', () => {
    const byCode = enrichSignal({ text: '武汉市江岸区仓库起火', observedAt, place: { code: '420111000000' } }, deps);
    assert.deepEqual([byCode.place.code, byCode.place.via, byCode.place.confidence], ['420111000000', 'given', 1]);
    const byText = enrichSignal({ text: '仓库起火', observedAt, place: { text: '洪山区卓刀泉' } }, deps);
    assert.deepEqual([byText.place.code, byText.place.via], ['420111000000', 'given']);
    const unknownCode = enrichSignal({ text: '江岸区仓库起火', observedAt, place: { code: '999999999999', point: [114.3, 30.6] } }, deps);
    assert.deepEqual([unknownCode.place.code, unknownCode.place.via, unknownCode.place.point], ['420102000000', 'text', [114.3, 30.6]]);
  });

  it('says so when no place is found, and reads the title too', () => {
    const signal = enrichSignal({ title: 'Landslide', text: 'Houses buried, people trapped', observedAt, reporterCredibility: 0.7 }, deps);
    assert.deepEqual(signal.place, { code: null, path: null, matched: false, via: 'none', confidence: 0 });
    assert.equal(signal.language, 'en');
    assert.equal(signal.type, 'geological');
    assert.equal(signal.category, 'natural_disaster');
    assert.equal(signal.reporterCredibility, 0.7);
  });

  it('honours a given language', () => {
    assert.equal(enrichSignal({ text: 'ok', language: 'zh', observedAt }, deps).language, 'zh');
  });
});

describe('types', () => {
  it('map every type to a category', () => {
    for (const type of SIGNAL_TYPES) assert.ok(EMERGENCY_CATEGORIES.includes(CATEGORY_OF_TYPE[type]));
    assert.equal(CATEGORY_OF_TYPE.disease_cluster, 'public_health');
    assert.equal(CATEGORY_OF_TYPE.public_opinion, 'social_security');
  });
});
