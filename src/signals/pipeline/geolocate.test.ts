import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildGazetteer, geolocate, nameForms, type GazetteerEntry } from './geolocate.js';
import { fixtureGazetteer } from './fixtures.js';

const index = fixtureGazetteer();
const codeOf = (text: string) => geolocate(index, text)?.code;

describe('gazetteer name forms', () => {
  it('adds short forms but never one character, and keeps townships to three', () => {
    const forms = (e: Partial<GazetteerEntry>) => nameForms({ code: 'x', level: 'county', path: '/x/', nameZh: '', ...e } as GazetteerEntry).map(([f]) => f);
    assert.deepEqual(forms({ nameZh: '武汉市', level: 'city' }), ['武汉市', '武汉']);
    assert.deepEqual(forms({ nameZh: '湖北省', level: 'province' }), ['湖北省', '湖北']);
    assert.deepEqual(forms({ nameZh: '江岸区' }), ['江岸区', '江岸']);
    assert.deepEqual(forms({ nameZh: '房县' }), ['房县']);
    assert.deepEqual(forms({ nameZh: '恩施土家族苗族自治州', level: 'city' }), ['恩施土家族苗族自治州', '恩施州', '恩施']);
    assert.deepEqual(forms({ nameZh: '大智街道', level: 'township' }), ['大智街道', '大智街']);
    assert.deepEqual(forms({ nameZh: '和平街道', level: 'township' }), ['和平街道', '和平街']);
    assert.deepEqual(forms({ nameZh: '公安县' }), ['公安县']);
    assert.deepEqual(forms({ nameZh: '江岸区', nameEn: "Jiang'an District" }), ['江岸区', '江岸', 'jiangan district', 'jiangan']);
  });
});

describe('geolocate', () => {
  it('finds full names, short forms, aliases and English names', () => {
    assert.equal(codeOf('江岸区一仓库起火'), '420102000000');
    assert.equal(codeOf('洪山这边有人聚集闹事'), '420111000000');
    assert.equal(codeOf('黄石港那边'), '420200000000');
    assert.equal(codeOf('汉口暴雨内涝'), '420100000000');
    assert.equal(codeOf("Fire in Jiang'an, Wuhan"), '420102000000');
    assert.equal(codeOf('Floods in Hongshan district'), '420111000000');
    assert.equal(codeOf('nothing here'), undefined);
  });

  it('prefers the deepest unit and reports its path and the matched name', () => {
    assert.deepEqual(geolocate(index, '武汉市江岸区后湖街道一居民发热'), {
      code: '420102015000', path: '/000000000000/420000000000/420100000000/420102000000/420102015000/', level: 'township', matchedName: '后湖街道', confidence: 1,
    });
  });

  it('does not read 山区 inside 洪山区 or Latin names inside words', () => {
    assert.equal(codeOf('洪山区'), '420111000000');
    assert.equal(codeOf('Wuhanese food'), undefined);
  });

  it('resolves a name shared by two units by its parent context', () => {
    assert.equal(codeOf('武汉市江岸区车站街道'), '420102003000');
    assert.equal(codeOf('武汉车站街道'), '420102003000');
    assert.equal(codeOf('孝感市车站街道'), '420902004000');
    // No context: their deepest common ancestor, the province, with low confidence.
    const bare = geolocate(index, '车站街道有人发热');
    assert.equal(bare?.code, '420000000000');
    assert.ok(bare!.confidence < 0.5);
  });

  it('reads a short form shared by a city and its district as the city', () => {
    assert.equal(codeOf('荆州一超市员工发热'), '421000000000');
    assert.equal(codeOf('荆州市荆州区'), '421003000000');
  });

  it('ranks a township without context below a county', () => {
    assert.equal(codeOf('洪山区和后湖街道'), '420111000000');
  });

  it('builds an index of 30k synthetic units (timing printed, not asserted)', () => {
    const entries: GazetteerEntry[] = [];
    for (let i = 0; i < 30_000; i++) {
      const code = `42${String(i).padStart(10, '0')}`;
      entries.push({ code, nameZh: `测试${i}村委会`, level: 'village', path: `/000000000000/420000000000/${code}/` });
    }
    const start = performance.now();
    const big = buildGazetteer(entries);
    const ms = performance.now() - start;
    console.log(`# buildGazetteer: 30,000 entries in ${ms.toFixed(0)} ms`);
    assert.equal(big.byCode.size, 30_000);
    assert.equal(geolocate(big, '湖北测试29999村发生火灾')?.code, '420000029999');
  });
});
