import type { DepartmentType, Role } from '../core/roles.js';

/** The shared password of every demo account (printed by `npm start`; demo use only). */
export const DEMO_PASSWORD = 'seamless-demo';

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly home: string;
  readonly role: Role;
  readonly department?: DepartmentType;
  readonly description: string;
}

/** One account per role, at different levels of the Hubei tree, plus a sibling city for scope. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员 Admin', home: '000000000000', role: 'admin', description: 'admin, national root' },
  { username: 'hubei.admin', displayName: '湖北省管理员', home: '420000000000', role: 'admin', description: 'admin, Hubei province' },
  { username: 'hubei.commander', displayName: '湖北省指挥长', home: '420000000000', role: 'commander', description: 'commander, Hubei province' },
  { username: 'hubei.duty', displayName: '湖北省值班员', home: '420000000000', role: 'duty_officer', description: 'duty officer, Hubei province' },
  { username: 'hubei.expert', displayName: '湖北省专家', home: '420000000000', role: 'expert', description: 'expert, Hubei province' },
  { username: 'wuhan.duty', displayName: '武汉市值班员', home: '420100000000', role: 'duty_officer', description: 'duty officer, Wuhan city' },
  { username: 'wuhan.analyst', displayName: '武汉市分析员', home: '420100000000', role: 'analyst', description: 'analyst, Wuhan city' },
  { username: 'wuhan.health', displayName: '武汉市卫健委联络员', home: '420100000000', role: 'department_officer', department: 'health', description: 'department officer (health), Wuhan city' },
  { username: 'wuhan.volunteer', displayName: '武汉市志愿者', home: '420100000000', role: 'volunteer', description: 'volunteer, Wuhan city' },
  { username: 'jiangan.grid', displayName: '江岸区网格员', home: '420102000000', role: 'grid_worker', description: "grid worker, Jiang'an district (Wuhan)" },
  { username: 'huangshi.duty', displayName: '黄石市值班员', home: '420200000000', role: 'duty_officer', description: 'duty officer, Huangshi city (a sibling of Wuhan)' },
];
