import type { SignalType } from './types.js';

/**
 * Keyword lexicon per signal type, in Chinese and English. Chinese terms match as substrings of
 * the text (segmentation varies: 发生爆炸 may be one jieba word); English terms match whole
 * words or phrases of the lowercased text, and a term ending in `*` matches any word starting so
 * (`evacuat*`). Weights are relative evidence (1 = a typical indicative word); the classifier
 * turns hits into a prior so that it works before any training.
 */
export interface LexiconTerm {
  readonly term: string;
  readonly weight: number;
}

export type Lexicon = Readonly<Partial<Record<SignalType, readonly LexiconTerm[]>>>;

function terms(spec: string): LexiconTerm[] {
  // "word" or "word:weight", separated by spaces; English phrases use "_" for spaces.
  return spec
    .trim()
    .split(/\s+/)
    .map((item) => {
      const [term, weight] = item.split(':');
      return { term: term!.replace(/_/g, ' '), weight: weight === undefined ? 1 : Number(weight) };
    });
}

/** The default lexicon (written from domain knowledge; weights tuned on the corpus's tuning half only). */
export const DEFAULT_LEXICON: Lexicon = {
  disease_case: terms(`
    发热 发烧 高热 高烧 咳嗽 乏力 呼吸困难 确诊 阳性 核酸 病例 疑似 隔离 发热门诊 定点医院 就诊 采样 密接
    fever cough positive confirmed case isolated isolation tests_positive pneumonia:0.5 symptoms hospitalised`),
  disease_cluster: terms(`
    聚集:2 聚集性:2 不明原因:1.5 肺炎 多人发热:2 多名:0.5 多户:1 多例:1.5 家庭聚集:2 院内感染:2 暴发:2 爆发:1.5 群体 相继 陆续 增多 激增 疫情 传染 感染
    cluster:2 outbreak:2 unknown_cause:1.5 unknown_origin:1.5 several:0.5 many:0.5 family_cluster:2 rising:0.5 spread infected infection`),
  fire: terms(`
    火灾:2 起火:2 着火:2 失火:2 火情:2 冒烟:1.5 浓烟:1.5 黑烟:1.5 火势:2 山火:2 明火 燃烧 消防 扑灭 烧毁
    fire:2 blaze:2 flames:2 smoke:1.5 burning firefighters burnt wildfire:2 forest_fire:2`),
  flood: terms(`
    内涝:2 积水:2 洪水:2 决堤:2 决口:2 暴雨:1.5 强降雨:1.5 水位:1.5 管涌:2 被淹:2 淹:1 山洪:2 堤:1 漫堤:2 进水:1 汛 溃口:2 圩垸 泡水
    flood:2 flooded:2 flooding:2 floods:2 rainstorm:1.5 downpour:1.5 heavy_rain:1.5 dike:1.5 dyke:1.5 embankment:1.5 levee:1.5 submerged:1.5 under_water:1.5 piping:1.5 river_level:1 rising_water flash_flood:2`),
  geological: terms(`
    滑坡:2 泥石流:2 塌方:2 崩塌:2 山体:1.5 落石:2 滚石:2 地面塌陷:2 地陷:2 裂缝:1 堰塞:2 边坡:1.5 地震:2
    landslide:2 mudslide:2 debris_flow:2 rockfall:2 slope:1 collapse:0.5 sinkhole:2 earthquake:2 cracks:1`),
  production_safety: terms(`
    爆炸:2 泄漏:2 矿难:2 透水:2 中毒:1.5 化工:1.5 工厂:1 企业:0.5 工人:1 坍塌:1.5 脚手架:2 储罐:2 冶炼:1.5 钢厂:1.5 煤矿:2 矿山:2 井下:2 工地:1.5 安全生产:2 危化品:2
    explosion:2 blast:2 leak:2 chemical:1.5 plant:1 factory:1.5 mine:1.5 miners:2 workers:1 scaffolding:2 poisoned:1 tank:1`),
  traffic: terms(`
    车祸:2 追尾:2 相撞:2 撞:1 侧翻:2 翻车:2 交通事故:2 高速:1 大巴:1 货车:1 客车:1 交警:1.5 拥堵:1 连环 碰撞:2 隧道:0.5
    crash:2 collision:2 collided:2 collide:2 rear-end:2 pile-up:2 overturns:2 expressway:1 truck:1 bus:1 coach:1 traffic:1.5 highway:1 road_accident:2`),
  public_order: terms(`
    斗殴:2 打架:2 群殴:2 冲突:1.5 聚集闹事:2 闹事:2 推搡:1.5 持刀:2 伤人:1.5 冲卡:2 抗议:1.5 殴打:2 报警:1 警察:1 打了:1
    fight:2 brawl:2 clash:2 scuffle:2 scuffles:2 protest:1.5 knife:2 attack:1 police:1 punching:2 shoving:1.5 riot:2`),
  public_opinion: terms(`
    谣言:2 网传:2 辟谣:2 不实:2 舆情:2 转发:0.5 网上:1 网友:1 热议:1.5 恐慌:1 截图:1.5 视频:1 自媒体:1.5 公众号:1.5 真的吗:1.5 假的:1 传疯:2 群里:1 微信群:1.5 质疑:1
    rumour:2 rumours:2 rumor:2 misinformation:2 viral:2 online:1 claims:1 claim:1 social_media:1.5 wechat:1.5 screenshots:1.5 uproar:2 rebuttal:2 fake:1.5 posts:1 video:0.5`),
  other: terms(`
    停水 停电 断粮 送菜 物资 志愿者 通行证 电梯 询问 咨询 协调 团购 透析 孕妇 饲料 救护车:0.5
    water_cut power_cut supplies volunteers pass ask deliveries dialysis group-buy`),
};

/** Hits of one type: which terms matched and the summed weight. */
export interface LexiconHits {
  readonly score: number;
  readonly terms: readonly string[];
}

const LATIN = /[a-z]/;

function matchesLatin(haystack: string, term: string): boolean {
  const prefix = term.endsWith('*');
  const needle = prefix ? term.slice(0, -1) : term;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    const startOk = before === undefined || !LATIN.test(before);
    const endOk = prefix || after === undefined || !LATIN.test(after);
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

/**
 * Finds lexicon terms in a text. Each term counts once however often it occurs; a term that is
 * part of a longer matched term of the same type still counts (聚集 inside 聚集性), which the
 * weights allow for.
 */
export function matchLexicon(text: string, lexicon: Lexicon = DEFAULT_LEXICON): Partial<Record<SignalType, LexiconHits>> {
  const haystack = text.normalize('NFKC').toLowerCase();
  const result: Partial<Record<SignalType, LexiconHits>> = {};
  for (const [type, list] of Object.entries(lexicon) as [SignalType, readonly LexiconTerm[]][]) {
    let score = 0;
    const matched: string[] = [];
    for (const { term, weight } of list) {
      const hit = /[a-z]/.test(term[0] ?? '') ? matchesLatin(haystack, term) : haystack.includes(term);
      if (hit) {
        score += weight;
        matched.push(term);
      }
    }
    if (matched.length > 0) result[type] = { score, terms: matched };
  }
  return result;
}
