import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scoreSeverity } from './severity.js';

describe('scoreSeverity', () => {
  it('scores 0 for calm text and 1 for deaths', () => {
    assert.deepEqual(scoreSeverity('市民询问方舱医院在哪里报到'), { score: 0, words: [] });
    assert.equal(scoreSeverity('钢厂爆炸事故造成2人死亡').score, 1);
    assert.equal(scoreSeverity('2 killed in a blast').score, 1);
  });

  it('combines words as a noisy-OR and lists them', () => {
    const result = scoreSeverity('多人被困，情况紧急');
    assert.deepEqual(result.words, ['被困', '多人', '紧急']);
    assert.ok(Math.abs(result.score - (1 - 0.4 * 0.7 * 0.6)) < 1e-12);
    assert.ok(scoreSeverity('people trapped, urgent').score > scoreSeverity('people trapped').score);
  });

  it('matches English as whole words only', () => {
    assert.deepEqual(scoreSeverity('a deadline').words, []);
    assert.deepEqual(scoreSeverity('Residents evacuated').words, ['evacuat*']);
  });
});
