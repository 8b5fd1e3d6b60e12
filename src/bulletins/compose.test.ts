import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident } from '../incidents/service.js';
import type { Figures } from '../incidents/rollup.js';
import { composeBulletin } from './compose.js';
import { summariseDay } from './facts.js';
import { dayBounds, localDay, localHour, yesterday } from './model.js';

function incident(id: string, overrides: Partial<Incident>): Incident {
  return {
    id,
    number: `INC-2020-00000${id}`,
    title: `事件${id}`,
    category: 'public_health',
    type: 'disease_cluster',
    level: null,
    status: 'responding',
    jurisdictionCode: '420100000000',
    jurisdictionPath: '/000000000000/420000000000/420100000000/',
    area: null,
    point: null,
    description: null,
    openedBy: 'u',
    openedAt: '2020-01-20T00:00:00.000Z',
    closedAt: null,
    updatedAt: '2020-01-20T00:00:00.000Z',
    ...overrides,
  };
}

const WUHAN = { code: '420100000000', nameZh: '武汉市', nameEn: 'Wuhan' };

// Fixed incident data for 1 February 2020 (Asia/Shanghai: 2020-01-31T16:00Z – 2020-02-01T16:00Z).
const INCIDENTS: Incident[] = [
  incident('1', { level: 'I', title: '新型冠状病毒肺炎疫情' }), // open all day
  incident('2', { type: 'fire', category: 'accident_disaster', level: 'IV', title: '江岸区民房火灾', openedAt: '2020-02-01T01:00:00.000Z' }), // opened that day
  incident('3', { type: 'traffic', category: 'accident_disaster', level: 'IV', status: 'closed', openedAt: '2020-01-31T20:00:00.000Z', closedAt: '2020-02-01T06:00:00.000Z' }), // opened and closed
  incident('4', { status: 'closed', openedAt: '2020-01-10T00:00:00.000Z', closedAt: '2020-01-25T00:00:00.000Z' }), // closed before: left out
  incident('5', { openedAt: '2020-02-01T16:00:00.000Z' }), // opened the next day (00:00 local): left out
];

test('the day in Asia/Shanghai', () => {
  assert.deepEqual(dayBounds('2020-02-01'), { start: '2020-01-31T16:00:00.000Z', end: '2020-02-01T16:00:00.000Z' });
  assert.equal(localDay(new Date('2020-02-01T16:00:00.000Z')), '2020-02-02');
  assert.equal(localHour(new Date('2020-02-01T22:30:00.000Z')), 6);
  assert.equal(yesterday(new Date('2020-02-01T22:30:00.000Z')), '2020-02-01');
});

test('the day is summarised from the incidents open during it and their situation reports', () => {
  const facts = summariseDay(WUHAN, '2020-02-01', INCIDENTS, new Map<string, Figures>([['1', { confirmed: 1590, deaths: 49 }], ['2', { injured: 1 }], ['4', { confirmed: 999 }]]));
  assert.equal(facts.openAtEnd, 2);
  assert.equal(facts.openedDuring, 2);
  assert.equal(facts.closedDuring, 1);
  assert.deepEqual(facts.byCategory, { public_health: 1, accident_disaster: 1 });
  assert.deepEqual(facts.byLevel, { I: 1, IV: 1 });
  assert.deepEqual(facts.figures, { confirmed: 1590, deaths: 49, injured: 1 }, 'incident 4 was not open that day');
  assert.deepEqual(facts.major.map((m) => m.number), ['INC-2020-000001', 'INC-2020-000002']);
});

test('the bulletin text in Chinese and English, word for word', () => {
  const text = composeBulletin(summariseDay(WUHAN, '2020-02-01', INCIDENTS, new Map<string, Figures>([['1', { confirmed: 1590, deaths: 49 }], ['2', { injured: 1 }]])));
  assert.equal(text.titleZh, '武汉市2020年2月1日突发事件情况通报');
  assert.equal(text.titleEn, 'Wuhan: situation bulletin for 1 February 2020');
  assert.equal(
    text.textZh,
    [
      '截至2020年2月1日24时，武汉市辖区内正在处置的突发事件2起；当日新发生2起，当日处置完毕1起。',
      '按类别：事故灾难1起，公共卫生事件1起。',
      '按级别：特别重大（I级）1起，一般（IV级）1起。',
      '当日各地报告：确诊1590，死亡49，受伤1。',
      '主要事件：1. 新型冠状病毒肺炎疫情（INC-2020-000001，I级）；2. 江岸区民房火灾（INC-2020-000002，IV级）。',
    ].join('\n'),
  );
  assert.equal(
    text.textEn,
    [
      'As of 24:00 on 1 February 2020, 2 emergencies were being handled in Wuhan; 2 began and 1 was closed during the day.',
      'By category: accidents 1, public health events 1.',
      'By level: level I (extremely serious) 1, level IV (ordinary) 1.',
      'Reported during the day: confirmed 1590, deaths 49, injured 1.',
      'Main incidents: 1. 新型冠状病毒肺炎疫情 (INC-2020-000001, level I); 2. 江岸区民房火灾 (INC-2020-000002, level IV).',
    ].join('\n'),
  );
});

test('a quiet day says so', () => {
  const text = composeBulletin(summariseDay({ ...WUHAN, nameEn: null }, '2020-02-01', [], new Map()));
  assert.match(text.textZh, /正在处置的突发事件0起/);
  assert.match(text.textZh, /当日辖区内无正在处置的突发事件。$/);
  assert.match(text.textEn, /^As of 24:00 on 1 February 2020, 0 emergencies were being handled in 武汉市;/);
});
