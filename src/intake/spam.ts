/**
 * Spam scoring of public reports: a pure function of the text and what the same address sent
 * recently. Each sign carries a weight; they combine as a noisy-or (1 − Π(1 − w)), so the score
 * stays in 0..1 and every further sign raises it less. Above SPAM_THRESHOLD a report is still
 * stored, with status `spam_suspected`: a human can always recover it.
 */
export const SPAM_THRESHOLD = 0.5;

/** Words that mark advertising and scams in reports (Chinese and English). */
export const SPAM_WORDS: readonly string[] = [
  'viagra', 'casino', 'lottery', 'jackpot', 'bitcoin', 'crypto', 'free money', 'click here', 'buy now', 'work from home', 'payday loan',
  '代开发票', '贷款', '博彩', '赌博', '彩票', '加微信', '加qq', '刷单', '兼职日结', '免费领取', '网赌', '六合彩',
];

export interface SpamInput {
  readonly title: string | null;
  readonly description: string;
  /** Texts the same address sent recently (normalised or not). */
  readonly recentTexts: readonly string[];
}

export interface SpamSign {
  readonly sign: 'links' | 'repeated_characters' | 'all_caps' | 'too_short' | 'too_long' | 'duplicate_text' | 'spam_words';
  readonly weight: number;
}

export interface SpamScore {
  readonly score: number;
  readonly signs: readonly SpamSign[];
}

/** Lower case, whitespace and punctuation removed: the form duplicates are compared in. */
export function normaliseForDuplicates(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function scoreSpam(input: SpamInput): SpamScore {
  const text = [input.title ?? '', input.description].join(' ').trim();
  const lower = text.toLowerCase();
  const signs: SpamSign[] = [];
  const links = (lower.match(/https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|cn|top|xyz|vip|cc)\b/g) ?? []).length;
  if (links > 0) signs.push({ sign: 'links', weight: links >= 2 ? 0.45 : 0.25 });
  if (/(.)\1{5,}/u.test(text)) signs.push({ sign: 'repeated_characters', weight: 0.2 });
  const latin = text.match(/[A-Za-z]/g) ?? [];
  const upper = latin.filter((c) => c >= 'A' && c <= 'Z').length;
  if (latin.length >= 12 && upper / latin.length > 0.8) signs.push({ sign: 'all_caps', weight: 0.2 });
  const length = [...text.replace(/\s+/g, '')].length;
  if (length < 6) signs.push({ sign: 'too_short', weight: 0.25 });
  if (length > 3000) signs.push({ sign: 'too_long', weight: 0.15 });
  const normalised = normaliseForDuplicates(text);
  if (normalised !== '' && input.recentTexts.some((recent) => normaliseForDuplicates(recent) === normalised)) {
    signs.push({ sign: 'duplicate_text', weight: 0.45 });
  }
  const words = SPAM_WORDS.filter((word) => lower.includes(word)).length;
  if (words > 0) signs.push({ sign: 'spam_words', weight: Math.min(0.6, 0.35 * words) });
  const score = 1 - signs.reduce((keep, s) => keep * (1 - s.weight), 1);
  return { score: Math.round(score * 1000) / 1000, signs };
}

export function isSpamSuspected(score: number): boolean {
  return score > SPAM_THRESHOLD;
}
