import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../core/actor.js';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../platform/logging.js';
import type { ServiceContext } from '../platform/context.js';
import { testDatabases } from '../testing/databases.js';
import { loadDirectoryDemo } from './demo.js';
import { listOrganisations, listPeople } from './service.js';

for (const engine of testDatabases()) {
  describe(`directory demo (${engine.name})`, () => {
    test('loads into an empty database, creating the units it needs, and only once', async () => {
      const { handle, config, dispose } = await engine.create();
      try {
        const ctx: ServiceContext = { actor: systemActor('test'), db: handle.db, dialect: handle.dialect, clock: systemClock, log: createLogger('silent'), auditKey: config.auditKey };
        assert.deepEqual(await loadDirectoryDemo(ctx), { organisationsCreated: 16, peopleCreated: 5 });
        assert.deepEqual(await loadDirectoryDemo(ctx), { organisationsCreated: 0, peopleCreated: 0 });
        const organisations = await listOrganisations(ctx, { limit: 100 });
        assert.equal(organisations.items.length, 16);
        const departments = organisations.items.filter((o) => o.kind === 'government_department');
        assert.equal(departments.length, 14);
        assert.ok(departments.every((o) => o.nameEn !== null && o.departmentType !== null));
        const wuhanTypes = departments.filter((o) => o.jurisdictionCode === '420100000000').map((o) => o.departmentType).sort();
        assert.deepEqual(wuhanTypes, ['commerce', 'economy_it', 'emergency', 'health', 'network', 'public_security', 'transport']);
        const people = await listPeople(ctx, { limit: 100 });
        assert.deepEqual(people.items.map((p) => p.kind).sort(), ['expert', 'grid_worker', 'staff', 'staff', 'volunteer']);
        assert.ok(people.items.every((p) => p.fullName.includes('演示')), 'demo people are labelled');
      } finally {
        await dispose();
      }
    });
  });
}
