import type { Category } from '../core/incident-types.js';
import type { BulletinFacts, LevelBucket } from './model.js';

const CATEGORY_ZH: Readonly<Record<Category, string>> = {
  natural_disaster: '自然灾害',
  accident_disaster: '事故灾难',
  public_health: '公共卫生事件',
  social_security: '社会安全事件',
  other: '其他',
};
const CATEGORY_EN: Readonly<Record<Category, string>> = {
  natural_disaster: 'natural disasters',
  accident_disaster: 'accidents',
  public_health: 'public health events',
  social_security: 'social security events',
  other: 'other',
};
const LEVEL_ZH: Readonly<Record<LevelBucket, string>> = { I: '特别重大（I级）', II: '重大（II级）', III: '较大（III级）', IV: '一般（IV级）', unassessed: '未定级' };
const LEVEL_EN: Readonly<Record<LevelBucket, string>> = { I: 'level I (extremely serious)', II: 'level II (serious)', III: 'level III (relatively serious)', IV: 'level IV (ordinary)', unassessed: 'not yet assessed' };
const LEVEL_ORDER: readonly LevelBucket[] = ['I', 'II', 'III', 'IV', 'unassessed'];
const CATEGORY_ORDER: readonly Category[] = ['natural_disaster', 'accident_disaster', 'public_health', 'social_security', 'other'];

/** Names of the usual situation-report figures; other keys are shown as they were filed. */
const FIGURE_ZH: Readonly<Record<string, string>> = {
  confirmed: '确诊', suspected: '疑似', deaths: '死亡', recovered: '治愈', cured: '治愈', evacuated: '转移', injured: '受伤', missing: '失踪', sheltered: '安置',
};
const FIGURE_EN: Readonly<Record<string, string>> = {
  confirmed: 'confirmed', suspected: 'suspected', deaths: 'deaths', recovered: 'recovered', cured: 'cured', evacuated: 'evacuated', injured: 'injured', missing: 'missing', sheltered: 'sheltered',
};

function formatDayZh(period: string): string {
  const [y, m, d] = period.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function formatDayEn(period: string): string {
  const [y, m, d] = period.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface ComposedBulletin {
  readonly titleZh: string;
  readonly titleEn: string;
  readonly textZh: string;
  readonly textEn: string;
}

/** Writes the bulletin in Chinese and English from the day's facts (pure: same facts, same text). */
export function composeBulletin(facts: BulletinFacts): ComposedBulletin {
  const nameZh = facts.unit.nameZh;
  const nameEn = facts.unit.nameEn ?? facts.unit.nameZh;
  const dayZh = formatDayZh(facts.period);
  const dayEn = formatDayEn(facts.period);
  const categories = CATEGORY_ORDER.filter((c) => (facts.byCategory[c] ?? 0) > 0);
  const levels = LEVEL_ORDER.filter((l) => (facts.byLevel[l] ?? 0) > 0);
  const figureKeys = Object.keys(facts.figures);

  const zh: string[] = [];
  zh.push(`截至${dayZh}24时，${nameZh}辖区内正在处置的突发事件${facts.openAtEnd}起；当日新发生${facts.openedDuring}起，当日处置完毕${facts.closedDuring}起。`);
  if (categories.length > 0) zh.push(`按类别：${categories.map((c) => `${CATEGORY_ZH[c]}${facts.byCategory[c]}起`).join('，')}。`);
  if (levels.length > 0) zh.push(`按级别：${levels.map((l) => `${LEVEL_ZH[l]}${facts.byLevel[l]}起`).join('，')}。`);
  if (figureKeys.length > 0) zh.push(`当日各地报告：${figureKeys.map((k) => `${FIGURE_ZH[k] ?? k}${facts.figures[k]}`).join('，')}。`);
  if (facts.major.length > 0) zh.push(`主要事件：${facts.major.map((m, i) => `${i + 1}. ${m.title}（${m.number}，${m.level === null ? '未定级' : `${m.level}级`}）`).join('；')}。`);
  if (facts.openAtEnd === 0 && facts.openedDuring === 0) zh.push('当日辖区内无正在处置的突发事件。');

  const en: string[] = [];
  en.push(`As of 24:00 on ${dayEn}, ${plural(facts.openAtEnd, 'emergency was', 'emergencies were')} being handled in ${nameEn}; ${facts.openedDuring} began and ${facts.closedDuring} ${facts.closedDuring === 1 ? 'was' : 'were'} closed during the day.`);
  if (categories.length > 0) en.push(`By category: ${categories.map((c) => `${CATEGORY_EN[c]} ${facts.byCategory[c]}`).join(', ')}.`);
  if (levels.length > 0) en.push(`By level: ${levels.map((l) => `${LEVEL_EN[l]} ${facts.byLevel[l]}`).join(', ')}.`);
  if (figureKeys.length > 0) en.push(`Reported during the day: ${figureKeys.map((k) => `${FIGURE_EN[k] ?? k} ${facts.figures[k]}`).join(', ')}.`);
  if (facts.major.length > 0) en.push(`Main incidents: ${facts.major.map((m, i) => `${i + 1}. ${m.title} (${m.number}, ${m.level === null ? 'not assessed' : `level ${m.level}`})`).join('; ')}.`);
  if (facts.openAtEnd === 0 && facts.openedDuring === 0) en.push('No emergency was being handled in the area that day.');

  return {
    titleZh: `${nameZh}${dayZh}突发事件情况通报`,
    titleEn: `${nameEn}: situation bulletin for ${dayEn}`,
    textZh: zh.join('\n'),
    textEn: en.join('\n'),
  };
}
