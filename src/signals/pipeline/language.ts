import type { SignalLanguage } from './types.js';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/**
 * Detects the language of a text from the scripts of its letters: Han characters count for
 * Chinese, Latin letters for English, any other letter (Cyrillic, Arabic, kana…) for `other`.
 * Mixed text goes to whichever script has the most characters. Because one Han character
 * carries about as much as a short English word, each Han character counts 3 (an English word
 * averages about five letters; a Chinese word about 1.7 characters) — so "武汉 flood warning"
 * stays English but a Chinese sentence quoting a "CAP" code stays Chinese. No letters → `other`.
 */
export function detectLanguage(text: string): SignalLanguage {
  let han = 0;
  let latin = 0;
  let other = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
    else if (LETTER.test(ch)) other++;
  }
  const zh = han * HAN_WEIGHT;
  if (zh === 0 && latin === 0 && other === 0) return 'other';
  if (zh >= latin && zh >= other) return 'zh';
  if (latin >= other) return 'en';
  return 'other';
}

/** How many Latin letters one Han character is worth when deciding mixed text. */
export const HAN_WEIGHT = 3;
