import { systemActor } from '../core/actor.js';
import type { DepartmentType } from '../core/roles.js';
import { asActor, type ServiceContext } from '../platform/context.js';
import { NotFoundError } from '../core/errors.js';
import { ensureCountryRoot, importJurisdictions, loadJurisdiction } from '../jurisdictions/service.js';
import type { JurisdictionInput } from '../jurisdictions/model.js';
import type { OrganisationKind, PersonKind } from './model.js';
import { createOrganisation, createPerson } from './service.js';
import * as store from './store.js';

const HUBEI = '420000000000';
const WUHAN = '420100000000';
const JIANGAN = '420102000000';

/** Units the demo entries hang on; created only when the jurisdiction demo has not loaded them. */
const UNITS: readonly JurisdictionInput[] = [
  { code: HUBEI, parentCode: '000000000000', nameZh: '湖北省', nameEn: 'Hubei Province' },
  { code: WUHAN, parentCode: HUBEI, nameZh: '武汉市', nameEn: 'Wuhan' },
  { code: JIANGAN, parentCode: WUHAN, nameZh: '江岸区', nameEn: "Jiang'an District" },
];

interface DemoDepartment {
  readonly departmentType: DepartmentType;
  readonly province: readonly [string, string];
  readonly city: readonly [string, string];
}

/** The departments named in DESIGN.md's user list, at province (Hubei) and city (Wuhan) level. */
const DEPARTMENTS: readonly DemoDepartment[] = [
  { departmentType: 'emergency', province: ['湖北省应急管理厅', 'Hubei Provincial Department of Emergency Management'], city: ['武汉市应急管理局', 'Wuhan Emergency Management Bureau'] },
  { departmentType: 'health', province: ['湖北省卫生健康委员会', 'Health Commission of Hubei Province'], city: ['武汉市卫生健康委员会', 'Wuhan Municipal Health Commission'] },
  { departmentType: 'economy_it', province: ['湖北省经济和信息化厅', 'Hubei Provincial Department of Economy and Information Technology'], city: ['武汉市经济和信息化局', 'Wuhan Municipal Bureau of Economy and Information Technology'] },
  { departmentType: 'commerce', province: ['湖北省商务厅', 'Department of Commerce of Hubei Province'], city: ['武汉市商务局', 'Wuhan Municipal Bureau of Commerce'] },
  { departmentType: 'network', province: ['湖北省委网信办', 'Hubei Cyberspace Administration'], city: ['武汉市委网信办', 'Wuhan Cyberspace Administration'] },
  { departmentType: 'public_security', province: ['湖北省公安厅', 'Hubei Provincial Public Security Department'], city: ['武汉市公安局', 'Wuhan Public Security Bureau'] },
  { departmentType: 'transport', province: ['湖北省交通运输厅', 'Hubei Provincial Department of Transport'], city: ['武汉市交通运输局', 'Wuhan Municipal Transport Bureau'] },
];

interface DemoOrganisation {
  readonly key: string;
  readonly kind: OrganisationKind;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly jurisdictionCode: string;
  readonly phone?: string;
  readonly email?: string;
}

// DEMO DATA: invented organisations, marked 演示 (demo). Numbers start with 0 after the area
// code, which no real local number does; e-mail uses the reserved example.org domain.
const OTHER_ORGANISATIONS: readonly DemoOrganisation[] = [
  { key: 'volunteers', kind: 'volunteer_team', nameZh: '江岸区应急志愿服务队（演示）', nameEn: "Jiang'an Emergency Volunteer Team (demo)", jurisdictionCode: JIANGAN, phone: '027-00000100', email: 'volunteers.demo@example.org' },
  { key: 'supplier', kind: 'enterprise', nameZh: '示例应急物资有限公司（演示）', nameEn: 'Example Emergency Supplies Co. (demo)', jurisdictionCode: WUHAN, phone: '027-00000200' },
];

interface DemoPerson {
  readonly kind: PersonKind;
  readonly fullName: string;
  /** Key of an organisation above: a department as `${departmentType}@${code}`, or an OTHER_ORGANISATIONS key. */
  readonly organisation: string | null;
  readonly jurisdictionCode: string;
  readonly title: string;
  readonly skills: readonly string[];
  readonly phone: string;
  readonly email: string;
}

// DEMO DATA: fictional people. 张三/李四/王五/赵六/钱七 are the Chinese placeholder names
// (like "John Doe"), marked 演示; the numbers and addresses are fake as above.
const PEOPLE: readonly DemoPerson[] = [
  { kind: 'staff', fullName: '张三（演示）', organisation: `emergency@${WUHAN}`, jurisdictionCode: WUHAN, title: '值班员', skills: ['值班', '信息报送', 'GIS'], phone: '027-00000001', email: 'zhang.san.demo@example.org' },
  { kind: 'expert', fullName: '李四（演示）', organisation: `health@${HUBEI}`, jurisdictionCode: HUBEI, title: '流行病学专家', skills: ['流行病学', '风险评估'], phone: '027-00000002', email: 'li.si.demo@example.org' },
  { kind: 'volunteer', fullName: '王五（演示）', organisation: 'volunteers', jurisdictionCode: JIANGAN, title: '志愿者', skills: ['急救', '驾驶', '心肺复苏'], phone: '027-00000003', email: 'wang.wu.demo@example.org' },
  { kind: 'grid_worker', fullName: '赵六（演示）', organisation: null, jurisdictionCode: JIANGAN, title: '网格员', skills: ['入户走访', '信息报送'], phone: '027-00000004', email: 'zhao.liu.demo@example.org' },
  { kind: 'staff', fullName: '钱七（演示）', organisation: `transport@${WUHAN}`, jurisdictionCode: WUHAN, title: '运输调度', skills: ['运输调度'], phone: '027-00000005', email: 'qian.qi.demo@example.org' },
];

export interface DirectoryDemoResult {
  readonly organisationsCreated: number;
  readonly peopleCreated: number;
}

/**
 * Departments for Hubei and Wuhan, a volunteer team, a supplier and a few fictional people.
 * Idempotent: an entry is looked up by name and jurisdiction and created only when missing.
 */
export async function loadDirectoryDemo(ctx: ServiceContext): Promise<DirectoryDemoResult> {
  const system = ctx.actor.kind === 'system' ? ctx : asActor(ctx, systemActor('directory demo'));
  await ensureUnits(system);
  let organisationsCreated = 0;
  let peopleCreated = 0;
  const ids = new Map<string, string>();

  const ensureOrganisation = async (key: string, draft: Parameters<typeof createOrganisation>[1]) => {
    const existing = await store.findOrganisationIdByName(system.db, draft.jurisdictionCode, draft.nameZh);
    if (existing !== undefined) {
      ids.set(key, existing);
      return;
    }
    ids.set(key, (await createOrganisation(system, draft)).id);
    organisationsCreated++;
  };

  for (const department of DEPARTMENTS) {
    for (const [code, [nameZh, nameEn]] of [[HUBEI, department.province], [WUHAN, department.city]] as const) {
      await ensureOrganisation(`${department.departmentType}@${code}`, {
        kind: 'government_department',
        departmentType: department.departmentType,
        nameZh,
        nameEn,
        jurisdictionCode: code,
      });
    }
  }
  for (const { key, ...draft } of OTHER_ORGANISATIONS) await ensureOrganisation(key, draft);

  for (const { organisation, ...person } of PEOPLE) {
    if ((await store.findPersonIdByName(system.db, person.jurisdictionCode, person.fullName)) !== undefined) continue;
    await createPerson(system, { ...person, organisationId: organisation === null ? null : ids.get(organisation)! });
    peopleCreated++;
  }
  return { organisationsCreated, peopleCreated };
}

async function ensureUnits(ctx: ServiceContext): Promise<void> {
  await ensureCountryRoot(ctx);
  const missing: JurisdictionInput[] = [];
  for (const unit of UNITS) {
    try {
      await loadJurisdiction(ctx, unit.code);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      missing.push(unit);
    }
  }
  if (missing.length > 0) await importJurisdictions(ctx, missing, { source: 'seamless directory demo' });
}
