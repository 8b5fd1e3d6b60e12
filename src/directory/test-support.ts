/** Fixtures shared by the directory's integration tests (not imported by production code). */
import type { Actor } from '../core/actor.js';
import { fixedClock } from '../core/clock.js';
import type { DepartmentType, Role } from '../core/roles.js';
import type { ServiceContext } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/database.js';
import type { Config } from '../platform/config.js';
import { createLogger } from '../platform/logging.js';
import { systemActor } from '../core/actor.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { rootJurisdictionInput } from '../jurisdictions/model.js';
import type { TestDatabase } from '../testing/databases.js';

export const CODES = {
  root: '000000000000',
  hubei: '420000000000',
  wuhan: '420100000000',
  jiangan: '420102000000',
  huangshi: '420200000000',
} as const;

export const PATHS = {
  root: '/000000000000/',
  hubei: '/000000000000/420000000000/',
  wuhan: '/000000000000/420000000000/420100000000/',
  jiangan: '/000000000000/420000000000/420100000000/420102000000/',
  huangshi: '/000000000000/420000000000/420200000000/',
} as const;

export type Place = keyof typeof PATHS;

/** A user holding one role over one unit, built directly (no accounts involved). */
export function actorOf(role: Role, place: Place, department: DepartmentType | null = null): Actor {
  return {
    kind: 'user',
    id: `user-${role}-${place}${department ? `-${department}` : ''}`,
    name: `${role} of ${place}`,
    grants: [{ role, jurisdictionCode: CODES[place], jurisdictionPath: PATHS[place], department }],
  };
}

export interface DirectoryTestDb {
  readonly handle: DatabaseHandle;
  readonly config: Config;
  readonly system: ServiceContext;
  as(actor: Actor): ServiceContext;
  dispose(): Promise<void>;
}

/** A fresh migrated database with Hubei → Wuhan → Jiang'an and Huangshi (Wuhan's sibling). */
export async function openDirectoryTestDb(engine: TestDatabase): Promise<DirectoryTestDb> {
  const { handle, config, dispose } = await engine.create();
  const clock = fixedClock('2024-07-01T08:00:00.000Z');
  const log = createLogger('silent');
  const as = (actor: Actor): ServiceContext => {
    // Each call moves the clock a millisecond so ids sort in creation order.
    clock.advance(1);
    return { actor, db: handle.db, dialect: handle.dialect, clock, log, auditKey: config.auditKey, requestId: undefined };
  };
  const system = as(systemActor('test'));
  await importJurisdictions(
    system,
    [
      rootJurisdictionInput(),
      { code: '42', parentCode: '0', nameZh: '湖北省', nameEn: 'Hubei' },
      { code: '4201', parentCode: '42', nameZh: '武汉市', nameEn: 'Wuhan' },
      { code: '420102', parentCode: '4201', nameZh: '江岸区', nameEn: "Jiang'an" },
      { code: '4202', parentCode: '42', nameZh: '黄石市', nameEn: 'Huangshi' },
    ],
    { source: 'test' },
  );
  return { handle, config, system, as, dispose };
}

export interface AuditRow {
  readonly action: string;
  readonly targetId: string;
  readonly actorId: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly raw: string;
}

export async function auditRows(db: DatabaseHandle['db'], action?: string): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq');
  if (action !== undefined) query = query.where('action', '=', action);
  return (await query.execute()).map((r) => ({
    action: r.action,
    targetId: r.target_id,
    actorId: r.actor_id,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as Record<string, unknown>),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as Record<string, unknown>),
    raw: `${r.before_json ?? ''}${r.after_json ?? ''}`,
  }));
}
