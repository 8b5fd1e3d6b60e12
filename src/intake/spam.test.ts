import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isSpamSuspected, scoreSpam } from './spam.js';

const score = (description: string, recentTexts: string[] = [], title: string | null = null) => scoreSpam({ title, description, recentTexts });
const signs = (description: string, recentTexts: string[] = []) => score(description, recentTexts).signs.map((s) => s.sign);

describe('spam scoring', () => {
  test('an ordinary report scores 0', () => {
    assert.equal(score('江岸区沿江大道积水约半米，车辆无法通行').score, 0);
    assert.equal(score('Smoke coming out of the third floor of building 5, people trapped').score, 0);
  });
  test('each sign is detected', () => {
    assert.deepEqual(signs('see http://a.example.com for details of the flood'), ['links']);
    assert.deepEqual(signs('积水了啊啊啊啊啊啊啊啊'), ['repeated_characters']);
    assert.deepEqual(signs('THE RIVER IS FLOODING THE WHOLE STREET NOW'), ['all_caps']);
    assert.deepEqual(signs('有火'), ['too_short']);
    assert.deepEqual(signs('路面积水严重 '.repeat(600)), ['too_long']);
    assert.deepEqual(signs('桥下积水，注意绕行', ['桥下积水 注意绕行！']), ['duplicate_text']);
    assert.deepEqual(signs('今日彩票大奖，贷款秒批'), ['spam_words']);
  });
  test('signs combine as a noisy-or: in 0..1, each adding less', () => {
    const heavy = score('CLICK HERE http://x.example.com www.casino.top 彩票 贷款 !!!!!!!!', ['CLICK HERE http://x.example.com www.casino.top 彩票 贷款 !!!!!!!!']);
    assert.ok(heavy.score > 0.9 && heavy.score <= 1);
    assert.ok(isSpamSuspected(heavy.score));
    assert.ok(!isSpamSuspected(score('see http://a.example.com for details of the flood').score));
  });
  test('the title counts too', () => {
    assert.deepEqual(score('楼道有浓烟', [], 'BUY NOW www.cheap.cn').signs.map((s) => s.sign), ['links', 'spam_words']);
  });
});
