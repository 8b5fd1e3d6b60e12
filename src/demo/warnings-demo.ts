import type { ServiceContext } from '../platform/context.js';
import { actorForUser } from '../accounts/service.js';
import { createDraft, publishWarning, submitWarning } from '../warnings/service.js';
import { loadCapPublisherSettings, type CapPublisherSettings } from '../warnings/settings.js';
import type { WarningContent } from '../warnings/model.js';

/**
 * Demo warnings for Wuhan, written for the demo (not real messages; the texts say so) in the
 * wording of the China Meteorological Administration's rainstorm warning guidance:
 * - a yellow rainstorm warning for Wuhan, published by Wuhan's duty officer (a city issues
 *   yellow directly);
 * - an orange rainstorm warning for Jiang'an drafted by Wuhan's duty officer and waiting for
 *   approval (orange at county level needs a city commander's, or higher, approval: the demo's
 *   hubei.commander may approve it).
 * Times are relative to loading, so the warnings are current for the next hours.
 */
const HOUR = 3_600_000;

function rainstorm(colour: 'yellow' | 'orange', codes: string[], now: Date, zh: { headline: string; description: string }, en: { headline: string; description: string }): WarningContent {
  return {
    status: 'Actual',
    categories: ['Met'],
    event: { zh: '暴雨', en: 'Rainstorm' },
    responseTypes: colour === 'orange' ? ['Prepare', 'Avoid'] : ['Prepare', 'Monitor'],
    certainty: 'Likely',
    colour,
    onset: new Date(now.getTime() + HOUR).toISOString(),
    expires: new Date(now.getTime() + 12 * HOUR).toISOString(),
    texts: {
      zh: { ...zh, instruction: '【演示】政府及相关部门按照职责做好防暴雨准备工作；交通管理部门应当根据路况在强降雨路段采取交通管制措施，在积水路段实行交通引导；切断低洼地带有危险的室外电源，暂停在空旷地方的户外作业，转移危险地带人员和危房居民到安全场所避雨。' },
      en: { ...en, instruction: '[Demo] Prepare for heavy rain; avoid low-lying roads and underpasses; stop outdoor work in open areas; move people out of dangerous places and unsafe buildings.' },
    },
    areas: { jurisdictionCodes: codes, polygons: [], circles: [] },
    resources: [],
  };
}

async function contextFor(ctx: ServiceContext, username: string): Promise<ServiceContext | undefined> {
  const user = await ctx.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirst();
  return user === undefined ? undefined : { ...ctx, actor: await actorForUser(ctx, user) };
}

/** Loads the demo warnings once (skipped when any warning exists). Needs the demo users and Hubei's tree. */
export async function loadWarningsDemo(ctx: ServiceContext, settings: CapPublisherSettings = loadCapPublisherSettings({ host: '127.0.0.1', port: 3000 })): Promise<{ published: number; pending: number }> {
  const existing = await ctx.db.selectFrom('warnings').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return { published: 0, pending: 0 };
  const duty = await contextFor(ctx, 'wuhan.duty');
  if (duty === undefined) return { published: 0, pending: 0 };
  const now = ctx.clock.now();
  const yellow = await createDraft(duty, {
    jurisdictionCode: '4201',
    content: rainstorm('yellow', ['4201'], now,
      { headline: '【演示】武汉市气象台发布暴雨黄色预警', description: '【演示】预计未来6小时内武汉市大部地区降雨量将达50毫米以上，或者已达50毫米以上且降雨可能持续。' },
      { headline: '[Demo] Yellow rainstorm warning for Wuhan', description: '[Demo] Rainfall above 50 mm expected over most of Wuhan within 6 hours, or already reached and likely to continue.' }),
  });
  await publishWarning(duty, { id: yellow.value.id, settings });
  const orange = await createDraft(duty, {
    jurisdictionCode: '420102',
    content: rainstorm('orange', ['420102'], now,
      { headline: '【演示】江岸区暴雨橙色预警（待审批）', description: '【演示】预计未来3小时内江岸区降雨量将达50毫米以上，沿江低洼地带可能出现严重内涝。' },
      { headline: "[Demo] Orange rainstorm warning for Jiang'an (awaiting approval)", description: "[Demo] Rainfall above 50 mm expected in Jiang'an within 3 hours; serious waterlogging likely in low-lying riverside areas." }),
  });
  await submitWarning(duty, { id: orange.value.id });
  return { published: 1, pending: 1 };
}
