import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fixedClock } from '../core/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { actorForUser } from '../accounts/service.js';
import { submitReport } from '../intake/submission.js';
import { openIncident } from '../incidents/service.js';
import { fileSitrep } from '../incidents/sitrep-service.js';
import { processPendingSignals } from '../signals/processor.js';

/**
 * Demo reports, signals and an incident for Hubei in January 2020. The reports are written for
 * the demo (not real persons or messages) and say so; the dates follow the real course of events
 * (DOMAIN.md §7: the daily figures from 1 Jan 2020), and the incident's situation reports carry
 * the real cumulative figures of 20–29 Jan 2020 (data/demo/wuhan2020-sitreps.csv, with its source).
 */
interface DemoReport {
  readonly username: string;
  readonly type: string;
  readonly jurisdictionCode?: string;
  readonly placeText?: string;
  readonly observedAt: string;
  /** Minutes after observation the report was filed. */
  readonly reportedAfterMinutes: number;
  readonly description: string;
}

const DEMO_REPORTS: readonly DemoReport[] = [
  // A fever cluster around one street in Jiang'an: the pipeline groups these three into one event.
  { username: 'jiangan.grid', type: 'disease_cluster', jurisdictionCode: '420102002', observedAt: '2020-01-02T09:30:00+08:00', reportedAfterMinutes: 50, description: '【演示】大智街道某小区3户居民近两日相继发热、咳嗽，其中2人曾去过附近市场，已劝导就医。' },
  { username: 'jiangan.grid', type: 'disease_case', jurisdictionCode: '420102002', observedAt: '2020-01-02T16:00:00+08:00', reportedAfterMinutes: 90, description: '【演示】大智街道又一名居民发热咳嗽，肺部有阴影，与上午报告的几户是邻居，疑似聚集性不明原因肺炎。' },
  { username: 'wuhan.duty', type: 'disease_cluster', placeText: '武汉市江岸区大智街道', observedAt: '2020-01-02T21:00:00+08:00', reportedAfterMinutes: 30, description: '【演示】社区卫生服务中心反映：大智街道居民发热、咳嗽就诊增多，多人去过同一市场，疑似聚集性不明原因肺炎。' },
  // Unrelated events that must stay apart.
  { username: 'wuhan.duty', type: 'fire', jurisdictionCode: '420111', observedAt: '2020-01-04T21:10:00+08:00', reportedAfterMinutes: 20, description: '【演示】洪山区关山街道一仓库起火冒烟，消防正在处置，暂无人员伤亡报告。' },
  { username: 'huangshi.duty', type: 'traffic', jurisdictionCode: '420202', observedAt: '2020-01-05T07:40:00+08:00', reportedAfterMinutes: 35, description: '【演示】黄石港区一路口两车相撞，一人受伤送医，交警已到场。' },
  { username: 'wuhan.duty', type: 'public_opinion', jurisdictionCode: '4201', observedAt: '2020-01-06T12:00:00+08:00', reportedAfterMinutes: 60, description: '【演示】网传“武汉自来水被污染不能饮用”，经初步了解无此事，需核实后辟谣。' },
];

export interface EarlyWarningDemoResult {
  readonly reports: number;
  readonly signals: number;
  readonly incidentId: string;
  readonly sitreps: number;
}

async function contextFor(ctx: ServiceContext, username: string, clock: ServiceContext['clock']): Promise<ServiceContext> {
  const user = await ctx.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirstOrThrow();
  return { ...ctx, clock, actor: await actorForUser(ctx, user) };
}

/** Loads the early-warning demo once (skips when demo reports exist). Needs the base demo. */
export async function loadEarlyWarningDemo(ctx: ServiceContext): Promise<EarlyWarningDemoResult | undefined> {
  const existing = await ctx.db.selectFrom('reports').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return undefined;
  const clock = fixedClock('2020-01-02T10:00:00+08:00');
  for (const demo of DEMO_REPORTS) {
    clock.set(new Date(Date.parse(demo.observedAt) + demo.reportedAfterMinutes * 60_000));
    const reporter = await contextFor(ctx, demo.username, clock);
    await submitReport(reporter, {
      idempotencyKey: randomUUID(),
      draft: {
        type: demo.type,
        observedAt: demo.observedAt,
        description: demo.description,
        ...(demo.jurisdictionCode ? { jurisdictionCode: demo.jurisdictionCode } : {}),
        ...(demo.placeText ? { placeText: demo.placeText } : {}),
      },
    });
  }
  const processed = await processPendingSignals({ ...ctx, clock });

  // The province-level incident, with the real daily figures as situation reports.
  clock.set('2020-01-20T20:00:00+08:00');
  const commander = await contextFor(ctx, 'hubei.commander', clock);
  const incident = await openIncident(commander, {
    title: '新型冠状病毒肺炎疫情（演示，数字为真实通报）',
    type: 'disease_cluster',
    level: 'I',
    jurisdictionCode: '420000000000',
    description: 'Demo incident. Situation reports: cumulative confirmed, recovered and deaths from the daily bulletins (data/demo/wuhan2020-sitreps.csv).',
    status: 'verified',
  });
  const rows = readFileSync(new URL('../../data/demo/wuhan2020-sitreps.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  for (const row of rows) {
    const [date, unitCode, confirmed, recovered, deaths] = row.split(',');
    clock.set(`${date}T22:00:00+08:00`);
    const filer = await contextFor(ctx, unitCode === '420000000000' ? 'hubei.duty' : 'wuhan.duty', clock);
    await fileSitrep(filer, {
      incidentId: incident.id,
      jurisdictionCode: unitCode!,
      period: date!,
      figures: { confirmed: Number(confirmed), recovered: Number(recovered), deaths: Number(deaths) },
      narrative: '累计数据，来自卫生健康委员会每日通报。Cumulative figures from the health commission bulletins.',
    });
  }
  return { reports: DEMO_REPORTS.length, signals: processed.processed, incidentId: incident.id, sitreps: rows.length };
}
