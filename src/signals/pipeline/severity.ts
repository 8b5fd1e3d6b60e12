/**
 * Severity from words: each matched word has a weight in 0..1 and the words combine as a
 * noisy-OR, score = 1 − Π (1 − wᵢ), so one "死亡" (1.0) makes 1, "多人" + "受伤" (0.3, 0.4)
 * make 0.58, and nothing matched makes 0. Each word counts once.
 */
export interface SeverityResult {
  /** 0..1. */
  readonly score: number;
  /** Matched words, in lexicon order. */
  readonly words: readonly string[];
}

/** Chinese words match as substrings; English ones as whole words (a trailing * matches a prefix). */
export const SEVERITY_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['死亡', 1], ['身亡', 1], ['遇难', 1], ['丧生', 1], ['去世', 0.9], ['没救过来', 0.9], ['伤亡', 0.8], ['群死群伤', 1],
  ['被困', 0.6], ['被埋', 0.7], ['失联', 0.6], ['失踪', 0.6], ['危重', 0.6], ['重伤', 0.6], ['中毒', 0.5], ['受伤', 0.4], ['伤员', 0.4], ['烫伤', 0.4],
  ['爆炸', 0.5], ['决口', 0.7], ['决堤', 0.7], ['溃口', 0.7], ['管涌', 0.5], ['堰塞', 0.5], ['大面积', 0.4], ['特大', 0.4],
  ['多人', 0.3], ['多名', 0.3], ['十余', 0.3], ['数千', 0.4], ['紧急', 0.4], ['急需', 0.3], ['求救', 0.5], ['救命', 0.5], ['疏散', 0.3], ['转移', 0.2],
  ['died', 1], ['dead', 1], ['killed', 1], ['death', 1], ['deaths', 1], ['fatal*', 1], ['casualties', 0.8],
  ['trapped', 0.6], ['buried', 0.7], ['missing', 0.6], ['critical', 0.5], ['injured', 0.4], ['injuries', 0.4], ['hurt', 0.4], ['poisoned', 0.5],
  ['explosion', 0.5], ['blast', 0.5], ['burst', 0.6], ['breach*', 0.6], ['piping', 0.5], ['massive', 0.4], ['extreme', 0.4],
  ['urgent', 0.4], ['urgently', 0.4], ['emergency', 0.3], ['evacuat*', 0.3], ['many', 0.2], ['several', 0.2], ['thousands', 0.4],
];

const LATIN = /[a-z]/;

function hasWord(haystack: string, word: string): boolean {
  const prefix = word.endsWith('*');
  const needle = prefix ? word.slice(0, -1) : word;
  if (!LATIN.test(needle[0] ?? '')) return haystack.includes(needle);
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !LATIN.test(before)) && (prefix || after === undefined || !LATIN.test(after))) return true;
  }
  return false;
}

/** Scores how severe a report sounds, 0..1, with the words that said so. */
export function scoreSeverity(text: string, words: ReadonlyArray<readonly [string, number]> = SEVERITY_WORDS): SeverityResult {
  const haystack = text.normalize('NFKC').toLowerCase();
  let remaining = 1;
  const matched: string[] = [];
  for (const [word, weight] of words) {
    if (hasWord(haystack, word)) {
      matched.push(word);
      remaining *= 1 - Math.min(1, Math.max(0, weight));
    }
  }
  return { score: 1 - remaining, words: matched };
}
