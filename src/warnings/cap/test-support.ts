/** Test helpers: the hand-written CAP fixtures and a factory for alerts composed in code. */
import { readFileSync } from 'node:fs';
import type { CapAlert, CapInfo } from './model.js';

export const CAP_FIXTURES = ['rainstorm-red-wuhan', 'rainstorm-update-orange', 'rainstorm-cancel', 'restricted-epidemic'] as const;

export function readCapFixture(name: (typeof CAP_FIXTURES)[number]): string {
  return readFileSync(new URL(`./fixtures/${name}.xml`, import.meta.url), 'utf8');
}

/** A valid single-info Seamless warning (blue rainstorm for Jiang'an); override what the test is about. */
export function buildCapAlert(overrides: Partial<CapAlert> = {}, infoOverrides: Partial<CapInfo> = {}): CapAlert {
  const info: CapInfo = {
    language: 'zh-CN',
    categories: ['Met'],
    event: '暴雨',
    responseTypes: ['Monitor'],
    urgency: 'Future',
    severity: 'Minor',
    certainty: 'Possible',
    eventCodes: [],
    expires: '2024-07-02T08:00:00+08:00',
    headline: '江岸区暴雨蓝色预警',
    parameters: [{ valueName: 'warningLevel', value: 'blue' }],
    resources: [],
    areas: [{ areaDesc: '江岸区', polygons: [], circles: [], geocodes: [{ valueName: 'GB/T 2260', value: '420102' }] }],
    ...infoOverrides,
  };
  return {
    identifier: 'CN-420102-TEST-0001',
    sender: 'yjj.jiangan.wuhan.gov.cn',
    sent: '2024-07-01T08:00:00+08:00',
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    codes: [],
    infos: [info],
    ...overrides,
  };
}
