/** Fixtures shared by the intake's tests (not imported by production code). */
import type { InjectOptions } from 'fastify';
import type { CreateReportBody } from './schema.js';

/** A 1×1 PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** JPEG magic bytes followed by `size - 3` filler bytes, base64. */
export function jpegBase64(size: number): string {
  const data = Buffer.alloc(size, 0x20);
  data[0] = 0xff;
  data[1] = 0xd8;
  data[2] = 0xff;
  return data.toString('base64');
}

/** A report body with sensible defaults. */
export function buildReport(overrides: Partial<CreateReportBody> = {}): CreateReportBody {
  return {
    type: 'flood',
    jurisdictionCode: '420102',
    observedAt: '2024-07-01T07:30:00.000Z',
    description: '江岸区沿江大道积水约半米，车辆无法通行',
    ...overrides,
  };
}

let counter = 0;

/** A fresh idempotency key. */
export function newKey(prefix = 'k'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** POST /api/v1/reports with a bearer token and an idempotency key. */
export function postReport(token: string, body: unknown, key: string = newKey()): InjectOptions {
  return { method: 'POST', url: '/api/v1/reports', headers: { authorization: `Bearer ${token}`, 'idempotency-key': key }, payload: body as Record<string, unknown> };
}

/** POST /public/reports from an address. */
export function postPublic(body: unknown, options: { key?: string; address?: string; token?: string } = {}): InjectOptions {
  return {
    method: 'POST',
    url: '/public/reports',
    remoteAddress: options.address ?? '192.0.2.1',
    headers: { 'idempotency-key': options.key ?? newKey('p'), ...(options.token ? { 'x-reporter-token': options.token } : {}) },
    payload: body as Record<string, unknown>,
  };
}
