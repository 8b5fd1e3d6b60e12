import { cut_for_search } from 'jieba-wasm';
import type { SignalLanguage } from './types.js';

/**
 * Tokeniser for signal texts. Chinese runs are segmented with jieba-wasm in search mode (a long
 * word also yields its dictionary sub-words: 化工厂 → 化工, 工厂, 化工厂), which helps the
 * classifier and near-duplicate detection match different wordings. Latin runs become
 * lowercase word tokens without stemming. Numbers become the token {@link NUMBER_TOKEN}.
 * Stop words and punctuation are dropped.
 *
 * jieba-wasm's Node build instantiates its WebAssembly synchronously when this module is first
 * imported (about 70 ms, 4 MB), so there is no separate init step: `tokenize` is ready at once.
 */

/** What every number (1, 12, 3.5, 2020) becomes, so counts and dates do not split vocabularies. */
export const NUMBER_TOKEN = '#num';

/** Small Chinese stop-word list: function words and reporting filler that carry no topic. */
export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(
  '的 了 在 是 有 和 与 及 等 也 都 就 这 那 这个 那个 一 个 我 你 他 她 它 我们 你们 他们 们 着 吗 呢 吧 啊 呀 哦 从 到 把 对 于 为 又 还 很 已 已经 目前 现在 今天 今日 昨天 昨日 据 称 说 之 其 该 以 并 而 或 但 被 给 让 向 由 啦 嘛 请 看 大家 什么 怎么 一下 一些 有人 没有 不 会 能 要 将 正在 刚刚 刚才 左右 约'.split(' '),
);

/** Small English stop-word list. */
export const EN_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an the and or but if of at by for with about against between into through during before after above below to from up down in out on off over under again then once here there when where why how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now is are was were be been being have has had having do does did doing i me my we our you your he him his she her it its they them their what which who whom this that these those am as until while would could also via per says said reported reports report near'.split(' '),
);

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const NUMBER = /^[\p{N}]+(?:[.,][\p{N}]+)*$/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

function normaliseToken(raw: string): string | undefined {
  const token = raw.toLowerCase().replace(/['’]s$/, '');
  if (!HAS_WORD_CHAR.test(token)) return undefined;
  if (NUMBER.test(token)) return NUMBER_TOKEN;
  if (ZH_STOP_WORDS.has(token) || EN_STOP_WORDS.has(token)) return undefined;
  // Single Latin letters are initials or noise; single Han characters can be words (火, 水).
  if (token.length === 1 && !/\p{Script=Han}/u.test(token)) return undefined;
  return token;
}

function pushLatin(text: string, out: string[]): void {
  for (const match of text.matchAll(WORD)) {
    const token = normaliseToken(match[0]);
    if (token !== undefined) out.push(token);
  }
}

/**
 * Splits a text into normalised tokens, in text order (repeats kept, for term counts). Han runs
 * always go through jieba and Latin runs through the word splitter, so mixed text works in
 * either language; `language` is accepted for callers that know it but the result does not
 * depend on it except that `'en'` text with no Han characters skips jieba altogether.
 * The text is NFKC-normalised first (full-width digits and letters become ASCII).
 */
export function tokenize(text: string, language?: SignalLanguage): string[] {
  const normalised = text.normalize('NFKC');
  const out: string[] = [];
  let last = 0;
  if (language !== 'en' || /\p{Script=Han}/u.test(normalised)) {
    for (const match of normalised.matchAll(HAN_RUN)) {
      pushLatin(normalised.slice(last, match.index), out);
      for (const word of cut_for_search(match[0], true)) {
        const token = normaliseToken(word);
        if (token !== undefined) out.push(token);
      }
      last = match.index + match[0].length;
    }
  }
  pushLatin(normalised.slice(last), out);
  return out;
}
