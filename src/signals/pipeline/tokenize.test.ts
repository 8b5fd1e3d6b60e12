import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NUMBER_TOKEN, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('segments Chinese with jieba (search mode) and drops punctuation and stop words', () => {
    const tokens = tokenize('黄石市下陆区一化工厂发生爆炸，多人被困。', 'zh');
    for (const word of ['黄石市', '下陆区', '化工厂', '爆炸', '被困']) assert.ok(tokens.includes(word), `${word} in ${tokens.join(' ')}`);
    assert.ok(!tokens.includes('，') && !tokens.includes('一'));
  });

  it('lowercases English words without stemming and drops stop words', () => {
    assert.deepEqual(tokenize('The Fire at Wuhan’s Hospitals was burning', 'en'), ['fire', 'wuhan', 'hospitals', 'burning']);
  });

  it('normalises numbers, full-width digits included', () => {
    assert.deepEqual(tokenize('12 injured, ３人 died', 'en').filter((t) => t === NUMBER_TOKEN).length, 2);
  });

  it('handles mixed text in either language', () => {
    const tokens = tokenize('Flooding in 江夏区 today');
    assert.ok(tokens.includes('flooding') && tokens.includes('江夏区'));
  });
});
