import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import { parseCsvRecords, parseJurisdictionCsv } from './import-csv.js';

const HEADER = 'code,parent_code,name_zh,name_en,level,population,centroid_lon,centroid_lat';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InvalidInputError, `expected InvalidInputError, got ${String(error)}`);
    return error.details[0]?.field;
  }
  assert.fail('expected an error');
}

describe('parseCsvRecords (RFC 4180)', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside fields, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\nlast,,\n';
    assert.deepEqual(parseCsvRecords(text), [
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, cells: ['last', '', ''] },
    ]);
  });

  it('rejects an unclosed quote, naming the line it opened on', () => {
    assert.equal(fieldOf(() => parseCsvRecords('a,b\n1,"open\n2,3\n')), 'line 2');
  });
});

describe('parseJurisdictionCsv', () => {
  it('turns rows into inputs: padded codes, implied parents, numbers, centroid', () => {
    const units = parseJurisdictionCsv(
      `${HEADER}\n42,,湖北省,Hubei,province,57750000,114.34,30.55\n"420102001001-G01",420102001001,"江岸一网格",,grid,,,\n`,
    );
    assert.deepEqual(units[0], {
      code: '420000000000', parentCode: '000000000000', nameZh: '湖北省', nameEn: 'Hubei', level: 'province', population: 57750000, centroid: [114.34, 30.55],
    });
    assert.deepEqual(units[1], { code: '420102001001-G01', parentCode: '420102001001', nameZh: '江岸一网格', nameEn: null, level: 'grid' });
  });

  it('accepts columns in any order and only the required ones', () => {
    assert.deepEqual(parseJurisdictionCsv('name_zh,code\n武汉市,4201\n'), [{ code: '420100000000', parentCode: '420000000000', nameZh: '武汉市', nameEn: null }]);
  });

  it('names the line and column of a bad value', () => {
    assert.equal(fieldOf(() => parseJurisdictionCsv(`${HEADER}\n42,,湖北省,,province,many,,\n`)), 'line 2.population');
    assert.equal(fieldOf(() => parseJurisdictionCsv(`${HEADER}\n42,,湖北省,,state,,,\n`)), 'line 2.level');
    assert.equal(fieldOf(() => parseJurisdictionCsv(`${HEADER}\n42,,,,,,,\n`)), 'line 2.name_zh');
    assert.equal(fieldOf(() => parseJurisdictionCsv(`${HEADER}\n123,,x,,,,,\n`)), 'line 2.code');
    assert.equal(fieldOf(() => parseJurisdictionCsv(`${HEADER}\n42,,湖北省,,,,114.3,\n`)), 'line 2.centroid_lat');
    assert.equal(fieldOf(() => parseJurisdictionCsv(`${HEADER}\n42,,湖北省,,,,214.3,30\n`)), 'line 2.centroid_lon');
    assert.equal(fieldOf(() => parseJurisdictionCsv(`${HEADER}\n42,,湖北省\n`)), 'line 2');
  });

  it('requires a header naming code and name_zh, and no unknown columns', () => {
    assert.equal(fieldOf(() => parseJurisdictionCsv('')), 'line 1');
    assert.match(String((() => { try { parseJurisdictionCsv('code,parent_code\n42,\n'); } catch (e) { return (e as Error).message; } })()), /name_zh/);
    assert.match(String((() => { try { parseJurisdictionCsv('code,name_zh,colour\n42,x,red\n'); } catch (e) { return (e as Error).message; } })()), /unknown column "colour"/);
  });
});
