import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAtomFeed } from '../atom-feed.js';
import { riskAreaEntries } from './feed.js';
import type { RiskArea } from './model.js';

const base: RiskArea = {
  id: 'RA1',
  jurisdictionCode: '420102002000',
  jurisdictionPath: '/000000000000/420000000000/420100000000/420102000000/420102002000/',
  issuingCode: '420102000000',
  issuingPath: '/000000000000/420000000000/420100000000/420102000000/',
  level: 'high',
  reason: '聚集性病例',
  startsAt: '2020-02-01T00:00:00.000Z',
  reviewAt: '2020-02-08T00:00:00.000Z',
  expiresAt: '2020-02-15T00:00:00.000Z',
  status: 'active',
  reviewFlaggedAt: null,
  endedAt: null,
  endReason: null,
  designatedBy: 'u',
  createdAt: '2020-02-01T00:00:00.000Z',
  updatedAt: '2020-02-02T00:00:00.000Z',
};

test('risk areas become Atom entries with +08:00 times, newest change first, and fit the warnings feed', () => {
  const older = { ...base, id: 'RA0', level: 'low' as const, updatedAt: '2020-02-01T00:00:00.000Z' };
  const entries = riskAreaEntries([older, base], new Map([['420102002000', '大智街道']]), 'https://alerts.example.org');
  assert.deepEqual(entries.map((e) => e.id), ['urn:seamless:risk-area:RA1', 'urn:seamless:risk-area:RA0']);
  assert.equal(entries[0]!.title, '大智街道 高风险 / high risk');
  assert.equal(entries[0]!.updated, '2020-02-02T08:00:00+08:00');
  assert.equal(entries[0]!.summary, '聚集性病例 (2020-02-01T08:00:00+08:00 – 2020-02-15T08:00:00+08:00)');
  assert.equal(entries[0]!.link.href, 'https://alerts.example.org/public/risk-areas');
  const feed = buildAtomFeed({ id: 'urn:x', title: 't', selfUrl: 'https://alerts.example.org/public/alerts.atom', updated: entries[0]!.updated, author: 'a', entries });
  assert.equal(feed.included, 2);
  assert.match(feed.xml, /<category term="risk-area"\/>/);
});
