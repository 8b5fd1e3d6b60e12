import type { ServiceContext } from '../platform/context.js';
import { asActor } from '../platform/context.js';
import { actorForUser } from '../accounts/service.js';
import { issueOrder } from '../command/service.js';
import { acknowledgeOrder, addLocalInstruction, completeOrder } from '../command/response-service.js';

/**
 * One demo order from Hubei to its 14 prefecture-level units, written for the demo (【演示】: not
 * a real directive), issued by the demo commander, with a few answers so the roll-up, the tree
 * colours and the gap list have something to show: Wuhan acknowledged, added a local measure and
 * completed; Huangshi and Shiyan acknowledged. Loaded once (skipped when any order exists).
 */
export async function loadCommandDemo(ctx: ServiceContext): Promise<{ orders: number }> {
  const existing = await ctx.db.selectFrom('orders').select('id').limit(1).executeTakeFirst();
  if (existing !== undefined) return { orders: 0 };
  const as = async (username: string) => {
    const user = await ctx.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirstOrThrow();
    return asActor(ctx, await actorForUser(ctx, user));
  };
  const now = ctx.clock.now().getTime();
  const hours = (h: number) => new Date(now + h * 3_600_000).toISOString();
  const order = await issueOrder(await as('hubei.commander'), {
    issuerCode: '42',
    title: { zh: '【演示】立即开展发热病例排查', en: '[Demo] Screen for fever cases now' },
    body: {
      zh: '【演示】各市（州）立即组织辖区医疗机构排查发热病例，落实报告制度，并于时限内报告落实情况。',
      en: '[Demo] Every prefecture organises fever screening in its medical institutions, applies the reporting rules and reports back within the deadline.',
    },
    actions: [
      { zh: '组织医疗机构排查发热病例', en: 'Organise fever screening in medical institutions' },
      { zh: '落实2小时网络直报', en: 'Apply two-hour direct network reporting' },
    ],
    evidenceRequired: [{ zh: '排查情况报告', en: 'Screening report' }],
    target: { kind: 'subtree', rootCode: '42', downToLevel: 'city' },
    cascade: 'automatic',
    deadlines: { acknowledgeBy: hours(6), completeBy: hours(72) },
    maxIntensity: 'inspection',
  });
  const wuhan = await as('wuhan.duty');
  await acknowledgeOrder(wuhan, { id: order.id, unitCode: '4201' });
  await addLocalInstruction(wuhan, { id: order.id, unitCode: '4201', text: { zh: '【演示】各区对发热门诊逐一检查', en: '[Demo] Every district inspects its fever clinics' }, intensity: 'inspection' });
  await completeOrder(wuhan, { id: order.id, unitCode: '4201', evidence: [{ kind: 'text', value: '【演示】已排查医疗机构 318 家（演示数字）', note: null }] });
  await acknowledgeOrder(await as('huangshi.duty'), { id: order.id, unitCode: '4202' });
  // Shiyan has no demo account: the province's duty officer records its acknowledgement received by phone.
  await acknowledgeOrder(await as('hubei.duty'), { id: order.id, unitCode: '4203' });
  return { orders: 1 };
}
