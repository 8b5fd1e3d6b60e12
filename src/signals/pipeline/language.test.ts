import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it('tells Chinese, English and other scripts apart', () => {
    assert.equal(detectLanguage('江岸区后湖街道一居民发热三天'), 'zh');
    assert.equal(detectLanguage('Fire in a residential building in Wuhan'), 'en');
    assert.equal(detectLanguage('Пожар в жилом доме'), 'other');
    assert.equal(detectLanguage('12:30 !!!'), 'other');
  });

  it('decides mixed text by the weighted majority', () => {
    assert.equal(detectLanguage('网传武汉出现SARS病毒'), 'zh');
    assert.equal(detectLanguage('Flooding reported in 武汉 after heavy rain overnight'), 'en');
  });
});
