import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COLOUR_TABLE, checkColourTable } from './colour-table.js';
import { buildCapAlert, formatIdentifier, geocodeOf } from './cap-builder.js';
import { buildAtomFeed, type AtomEntry } from './atom-feed.js';
import { allowedActions, isCurrent, type WarningContent } from './model.js';
import { contentProblems, normaliseContent } from './content.js';

const NOW = new Date('2026-07-01T00:00:00Z');

const CONTENT: WarningContent = {
  status: 'Actual',
  categories: ['Met'],
  event: { zh: '暴雨', en: 'Rainstorm' },
  responseTypes: ['Prepare'],
  certainty: 'Likely',
  colour: 'orange',
  expires: '2026-07-01T12:00:00Z',
  texts: { zh: { headline: '暴雨橙色预警', description: '强降雨。' }, en: { headline: 'Orange rainstorm warning', description: 'Heavy rain.' } },
  areas: { jurisdictionCodes: ['420102000000'], polygons: [], circles: [] },
  resources: [],
};

test('geocodes follow DESIGN.md "Jurisdiction codes"', () => {
  assert.deepEqual(geocodeOf('420000000000'), { valueName: 'GB/T 2260', value: '420000' });
  assert.deepEqual(geocodeOf('420100000000'), { valueName: 'GB/T 2260', value: '420100' });
  assert.deepEqual(geocodeOf('420102000000'), { valueName: 'GB/T 2260', value: '420102' });
  assert.deepEqual(geocodeOf('420102001000'), { valueName: 'GB/T 10114', value: '420102001' });
  assert.deepEqual(geocodeOf('420102001001'), { valueName: 'GB/T 10114', value: '420102001001' });
  assert.deepEqual(geocodeOf('420102001001-G01'), { valueName: 'jurisdiction', value: '420102001001-G01' });
});

test('identifiers: prefix, issuing unit, local day, sequence', () => {
  assert.equal(formatIdentifier('seamless', '420102000000', '2026-07-01', 3), 'seamless-420102-20260701-0003');
  assert.equal(formatIdentifier('seamless', '420000000000', '2026-07-01', 12345), 'seamless-42-20260701-12345');
});

test('the colour becomes severity, urgency and the warningLevel parameter of every info', () => {
  const alert = buildCapAlert({
    content: CONTENT,
    colourTable: DEFAULT_COLOUR_TABLE,
    identifier: 'seamless-420102-20260701-0001',
    sender: 'alerts@example.org',
    sent: '2026-07-01T08:00:00+08:00',
    msgType: 'Alert',
    units: [{ code: '420102000000', nameZh: '江岸区', nameEn: "Jiang'an" }],
    senderName: { zh: '武汉市', en: 'Wuhan' },
    formatTime: (iso) => `${iso}+`,
  });
  assert.equal(alert.infos.length, 2);
  for (const info of alert.infos) {
    assert.equal(info.severity, 'Severe');
    assert.equal(info.urgency, 'Immediate');
    assert.deepEqual(info.parameters, [{ valueName: 'warningLevel', value: 'orange' }]);
  }
  assert.deepEqual(alert.infos.map((i) => [i.language, i.event, i.areas[0]!.areaDesc, i.senderName]), [['zh-CN', '暴雨', '江岸区', '武汉市'], ['en', 'Rainstorm', "Jiang'an", 'Wuhan']]);
  const zhOnly = buildCapAlert({ ...{ content: { ...CONTENT, texts: { zh: CONTENT.texts.zh } } }, colourTable: DEFAULT_COLOUR_TABLE, identifier: 'x', sender: 's', sent: 't', msgType: 'Alert', units: [], senderName: { zh: 'a', en: null }, formatTime: (i) => i });
  assert.equal(zhOnly.infos.length, 1);
});

test('content problems name every field; complete content has none', () => {
  assert.deepEqual(contentProblems(CONTENT, NOW), []);
  const problems = contentProblems({ ...CONTENT, colour: 'green', expires: '2026-08-15T00:00:00Z', texts: { zh: { headline: '', description: 'x' }, en: { headline: 'h', description: 'd' } }, event: { zh: '暴雨' } }, NOW);
  assert.deepEqual(problems.map((p) => p.path), ['colour', 'expires', 'texts.zh.headline', 'event.en']);
  const shapes = contentProblems({ ...CONTENT, areas: { jurisdictionCodes: [], polygons: [[[30, 114], [30, 115], [31, 115]]], circles: [{ lat: 95, lon: 114, radiusKm: 0 }] } }, NOW);
  assert.deepEqual(shapes.map((p) => p.path), ['areas.polygons[0]', 'areas.circles[0]', 'areas.circles[0].radiusKm', 'areas.description']);
  assert.deepEqual(contentProblems({ ...CONTENT, areas: { jurisdictionCodes: [], polygons: [], circles: [] } }, NOW).map((p) => p.path), ['areas']);
  assert.deepEqual(normaliseContent({ ...CONTENT, categories: ['Met', 'Met'], event: { zh: ' 暴雨 ' } }).categories, ['Met']);
});

test('state machine: what may happen next', () => {
  assert.deepEqual(allowedActions({ state: 'draft', origin: 'local', msgType: 'Alert' }), ['edit', 'submit', 'publish']);
  assert.deepEqual(allowedActions({ state: 'pending_approval', origin: 'local', msgType: 'Alert' }), ['approve', 'reject']);
  assert.deepEqual(allowedActions({ state: 'published', origin: 'local', msgType: 'Update' }), ['update', 'cancel']);
  assert.deepEqual(allowedActions({ state: 'published', origin: 'local', msgType: 'Cancel' }), []);
  assert.deepEqual(allowedActions({ state: 'published', origin: 'import', msgType: 'Alert' }), []);
  for (const state of ['updated', 'cancelled', 'expired'] as const) assert.deepEqual(allowedActions({ state, origin: 'local', msgType: 'Alert' }), []);
  assert.equal(isCurrent({ state: 'published', msgType: 'Alert', expiresAt: '2026-07-01T01:00:00.000Z' }, NOW), true);
  assert.equal(isCurrent({ state: 'published', msgType: 'Alert', expiresAt: '2026-06-30T23:00:00.000Z' }, NOW), false);
  assert.equal(isCurrent({ state: 'published', msgType: 'Cancel', expiresAt: null }, NOW), false);
});

test('colour tables: complete, known values, severity never falls as the colour rises', () => {
  assert.deepEqual(checkColourTable(JSON.parse(JSON.stringify(DEFAULT_COLOUR_TABLE))), DEFAULT_COLOUR_TABLE);
  assert.throws(() => checkColourTable({ ...DEFAULT_COLOUR_TABLE, green: DEFAULT_COLOUR_TABLE.blue }), /body\.green: is not a warning colour/);
  assert.throws(() => checkColourTable({ ...DEFAULT_COLOUR_TABLE, red: { severity: 'Huge', urgency: 'Immediate' } }), /body\.red\.severity: must be one of/);
  assert.throws(() => checkColourTable({ ...DEFAULT_COLOUR_TABLE, yellow: { severity: 'Extreme', urgency: 'Expected' } }), /body\.orange\.severity: must not be lower than yellow's/);
});

test('the Atom feed: escaped, each entry links to its CAP XML, kept under the size limit', () => {
  const entry = (i: number): AtomEntry => ({
    id: `https://alerts.example.org/public/alerts/a-${i}.xml`,
    title: `暴雨 <黄色> 预警 ${i} & more`,
    summary: 'x'.repeat(1000),
    updated: '2026-07-01T08:00:00+08:00',
    author: '武汉市',
    link: { href: `https://alerts.example.org/public/alerts/a-${i}.xml`, type: 'application/cap+xml' },
    categories: ['yellow'],
  });
  const small = buildAtomFeed({ id: 'urn:feed', title: 'Alerts', selfUrl: 'https://alerts.example.org/public/alerts.atom', updated: '2026-07-01T08:00:00+08:00', author: 'A', entries: [entry(1)] });
  assert.match(small.xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  assert.match(small.xml, /<title>暴雨 &lt;黄色&gt; 预警 1 &amp; more<\/title>/);
  assert.match(small.xml, /<link rel="alternate" type="application\/cap\+xml" href="https:\/\/alerts\.example\.org\/public\/alerts\/a-1\.xml"\/>/);
  const big = buildAtomFeed({ id: 'urn:feed', title: 'Alerts', selfUrl: 's', updated: 'u', author: 'A', entries: Array.from({ length: 2000 }, (_, i) => entry(i)) });
  assert.ok(Buffer.byteLength(big.xml) <= 900 * 1024);
  assert.ok(big.omitted > 0 && big.included + big.omitted === 2000);
  assert.match(big.xml, /a-0\.xml/, 'the newest entries are kept');
});
