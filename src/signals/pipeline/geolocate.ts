import { codesOnPath } from '../../core/jurisdiction-code.js';

/**
 * Place-name matching against a gazetteer of administrative units (the jurisdictions tree).
 *
 * The index is a map from every name form to the units bearing it: the full Chinese name, short
 * forms with the administrative suffix dropped (武汉市 → 武汉, 江岸区 → 江岸, 湖北省 → 湖北,
 * 恩施土家族苗族自治州 → 恩施州, 恩施; 大智街道 → 大智街), the English name and its short form
 * (Jiang'an District → jiangan), and given aliases (汉口 for Wuhan). Short forms are never one
 * character; below county level they must be at least three (two-character short forms of
 * townships are too often ordinary words), and a few short forms that are common words (公安,
 * 和平…) are left out. A text is scanned left to right taking the longest name at each position
 * (a prefix set of the first two characters skips most positions), so 洪山区 is not read as 山区.
 * Memory is a Map of names plus the caller's entries (paths are not copied); the all-China tree
 * (≈665k units, ≈1.3M name forms) fits in a few hundred MB.
 *
 * Choosing among the matched units: the one with most matched ancestors wins (武汉市江岸区 →
 * Jiang'an, whose path holds Wuhan); then units at county level or above before deeper units
 * that have no matched ancestor (a bare village name is weak evidence); then the deepest; then
 * the earliest in the text. When the winner is one name shared by several units with nothing to
 * tell them apart (车站街道 in Jiang'an and in Xiaonan), the answer is their deepest common
 * ancestor, with low confidence. A name form shared by a unit and a unit below it (荆州: the
 * city and its district) means the larger unit.
 */
export interface GazetteerEntry {
  /** Jurisdiction code, e.g. 420102000000. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn?: string | null;
  /** country, province, city, county, township, village, grid. */
  readonly level: string;
  /** Materialised path, root first: /000000000000/420000000000/…/code/. */
  readonly path: string;
  /** Other names people use (汉口, 江城); matched like short forms. */
  readonly aliases?: readonly string[];
}

interface NameHit {
  readonly entry: number;
  /** 0 = full official name, 1 = short form, alias or English name. */
  readonly form: 0 | 1;
}

export interface GazetteerIndex {
  readonly entries: readonly GazetteerEntry[];
  /** Name form → hits (one object when unique, to save memory on big trees). */
  readonly byName: ReadonlyMap<string, NameHit | NameHit[]>;
  readonly byCode: ReadonlyMap<string, number>;
  readonly prefixes: ReadonlySet<string>;
  /** Distinct name lengths, longest first. */
  readonly lengths: readonly number[];
}

export interface GeoMatch {
  readonly code: string;
  readonly path: string;
  readonly level: string;
  /** The name form found in the text (lowercased for English). */
  readonly matchedName: string;
  /** 0..1: how sure the match is (full names, ancestor context and uniqueness raise it). */
  readonly confidence: number;
}

const LEVEL_RANK: Readonly<Record<string, number>> = { country: 0, province: 1, city: 2, county: 3, township: 4, village: 5, grid: 6 };

/** Suffixes dropped for short forms, longest first; 自治州/自治县 also drop the ethnic names before them. */
const ZH_SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '自治县', '街道办事处', '街道', '林区', '地区', '新区', '省', '市', '区', '县', '旗', '盟', '镇', '乡', '村委会', '居委会'];
const ETHNIC = /(土家族|苗族|侗族|蒙古族|回族|藏族|彝族|壮族|布依族|朝鲜族|满族|瑶族|白族|哈尼族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|达斡尔族|羌族|仡佬族|锡伯族|仫佬族|毛南族|各族)+$/u;
/** Short forms that are everyday words; their full forms still match. */
export const SHORT_FORM_STOP_WORDS: ReadonlySet<string> = new Set(
  '公安 和平 解放 胜利 前进 建设 人民 工业 红旗 光明 中心 东方 向阳 朝阳 幸福 团结 友谊 新村 新街 城关 城东 城西 城南 城北 高新 经济 新城 开发 长江 中山 新华 东风 黄河 长安 永安 太平 新民 民主 和谐 大桥 车站 火车站 农场 林场 街道 社区 青山 山区'.split(' '),
);
const EN_SUFFIXES = /\s+(province|city|prefecture|autonomous prefecture|district|county|county-level city|town|township|subdistrict|street|village|forestry district)$/;

function normaliseEn(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/['’`-]/g, '').replace(/\s+/g, ' ').trim();
}

/** Name forms of one entry: [form, kind], the full Chinese name first. */
export function nameForms(entry: GazetteerEntry): Array<[string, 0 | 1]> {
  const forms: Array<[string, 0 | 1]> = [[entry.nameZh, 0]];
  const below = (LEVEL_RANK[entry.level] ?? 6) > LEVEL_RANK.county!;
  const minShort = below ? 3 : 2;
  const addShort = (form: string) => {
    if ([...form].length >= minShort && !SHORT_FORM_STOP_WORDS.has(form) && form !== entry.nameZh) forms.push([form, 1]);
  };
  for (const suffix of ZH_SUFFIXES) {
    if (!entry.nameZh.endsWith(suffix)) continue;
    const stem = entry.nameZh.slice(0, -suffix.length);
    if (suffix === '自治州' || suffix === '自治县') {
      const base = stem.replace(ETHNIC, '');
      addShort(base + suffix.slice(-1)); // 恩施州, 长阳县
      addShort(base);
    } else if (suffix === '村委会') {
      addShort(`${stem}村`); // 某某村委会 → 某某村
    } else {
      addShort(stem);
      if (suffix === '街道' || suffix === '街道办事处') addShort(`${stem}街`); // 大智街
    }
    break;
  }
  if (entry.nameEn) {
    const en = normaliseEn(entry.nameEn);
    forms.push([en, 1]);
    const short = en.replace(EN_SUFFIXES, '');
    if (short !== en && short.length >= 3) forms.push([short, 1]);
  }
  for (const alias of entry.aliases ?? []) forms.push([/[a-z]/i.test(alias) ? normaliseEn(alias) : alias, 1]);
  return forms;
}

/** Builds the name index. Entries are kept by reference (not copied). */
export function buildGazetteer(entries: readonly GazetteerEntry[]): GazetteerIndex {
  const byName = new Map<string, NameHit | NameHit[]>();
  const byCode = new Map<string, number>();
  const prefixes = new Set<string>();
  const lengths = new Set<number>();
  entries.forEach((entry, index) => {
    byCode.set(entry.code, index);
    const seen = new Set<string>();
    for (const [form, kind] of nameForms(entry)) {
      if (seen.has(form) || form.length < 2) continue;
      seen.add(form);
      const hit: NameHit = { entry: index, form: kind };
      const existing = byName.get(form);
      if (existing === undefined) byName.set(form, hit);
      else if (Array.isArray(existing)) existing.push(hit);
      else byName.set(form, [existing, hit]);
      prefixes.add(form.slice(0, 2));
      lengths.add(form.length);
    }
  });
  return { entries, byName, byCode, prefixes, lengths: [...lengths].sort((a, b) => b - a) };
}

/** The unit with this code, if the gazetteer has it. */
export function lookupCode(index: GazetteerIndex, code: string): GazetteerEntry | undefined {
  const i = index.byCode.get(code);
  return i === undefined ? undefined : index.entries[i];
}

/**
 * When one name form belongs to a unit and to a unit below it (荆州 for 荆州市 and its 荆州区,
 * 恩施 for the prefecture and its city), people mean the larger one; keep only the hits that
 * have no other hit above them.
 */
function keepAncestors(index: GazetteerIndex, hits: readonly NameHit[]): NameHit[] {
  const paths = hits.map((h) => index.entries[h.entry]!.path);
  return hits.filter((_, i) => !paths.some((other, j) => j !== i && other !== paths[i] && paths[i]!.startsWith(other)));
}

interface Found {
  readonly name: string;
  readonly position: number;
  readonly hits: readonly NameHit[];
}

const LATIN_CHAR = /[a-z0-9]/;

/** All place names in the text, leftmost-longest, non-overlapping. */
export function findPlaceNames(index: GazetteerIndex, text: string): Found[] {
  const s = text.normalize('NFKC').toLowerCase().replace(/['’`-]/g, '');
  const found: Found[] = [];
  let i = 0;
  while (i < s.length - 1) {
    let advanced = false;
    if (index.prefixes.has(s.slice(i, i + 2))) {
      for (const length of index.lengths) {
        if (i + length > s.length) continue;
        const name = s.slice(i, i + length);
        const value = index.byName.get(name);
        if (value === undefined) continue;
        // Latin names must stand as whole words.
        if (LATIN_CHAR.test(name[0]!) && (LATIN_CHAR.test(s[i - 1] ?? '') || LATIN_CHAR.test(s[i + length] ?? ''))) continue;
        found.push({ name, position: i, hits: Array.isArray(value) ? keepAncestors(index, value) : [value] });
        i += length;
        advanced = true;
        break;
      }
    }
    if (!advanced) i++;
  }
  return found;
}

function depthOf(entry: GazetteerEntry): number {
  return codesOnPath(entry.path).length;
}

/**
 * The most specific administrative unit named in a text, or undefined when none is. See the
 * module comment for how candidates are ranked and ambiguity is resolved.
 */
export function geolocate(index: GazetteerIndex, text: string): GeoMatch | undefined {
  const found = findPlaceNames(index, text);
  if (found.length === 0) return undefined;
  const matchedCodes = new Set<string>();
  for (const f of found) for (const hit of f.hits) matchedCodes.add(index.entries[hit.entry]!.code);

  interface Candidate {
    readonly found: Found;
    readonly hit: NameHit;
    readonly entry: GazetteerEntry;
    readonly key: readonly number[];
  }
  let best: Candidate[] = [];
  const compare = (a: readonly number[], b: readonly number[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
    return 0;
  };
  for (const f of found) {
    for (const hit of f.hits) {
      const entry = index.entries[hit.entry]!;
      const ancestors = codesOnPath(entry.path).filter((code) => code !== entry.code);
      const support = ancestors.filter((code) => matchedCodes.has(code)).length;
      const trusted = (LEVEL_RANK[entry.level] ?? 6) <= LEVEL_RANK.county! || support > 0 ? 1 : 0;
      const key = [support, trusted, depthOf(entry), -f.position];
      const candidate = { found: f, hit, entry, key };
      const order = best.length === 0 ? 1 : compare(key, best[0]!.key);
      if (order > 0) best = [candidate];
      else if (order === 0) best.push(candidate);
    }
  }
  const winner = best[0]!;
  const distinct = new Set(best.map((c) => c.entry.code));
  const support = winner.key[0]!;
  const trusted = winner.key[1]! === 1;
  if (distinct.size > 1) {
    // One name, several units, nothing to choose by: answer their deepest common ancestor.
    const paths = best.map((c) => codesOnPath(c.entry.path));
    const common: string[] = [];
    for (let k = 0; k < paths[0]!.length && paths.every((p) => p[k] === paths[0]![k]); k++) common.push(paths[0]![k]!);
    for (let k = common.length - 1; k >= 0; k--) {
      const ancestor = lookupCode(index, common[k]!);
      if (ancestor !== undefined) {
        return { code: ancestor.code, path: ancestor.path, level: ancestor.level, matchedName: winner.found.name, confidence: 0.3 };
      }
    }
    return undefined;
  }
  let confidence = winner.hit.form === 0 ? 0.9 : 0.75;
  if (support > 0) confidence = Math.min(1, confidence + 0.1);
  if (!trusted) confidence *= 0.5;
  return { code: winner.entry.code, path: winner.entry.path, level: winner.entry.level, matchedName: winner.found.name, confidence };
}
