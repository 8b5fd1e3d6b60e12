import { fixedClock } from '../core/clock.js';
import type { DepartmentType } from '../core/roles.js';
import type { ServiceContext } from '../platform/context.js';
import { actorForUser } from '../accounts/service.js';
import { createTask } from '../command/tasks/service.js';
import { changeTaskStatus, addTaskNote } from '../command/tasks/workflow-service.js';
import type { TaskStatus } from '../command/tasks/model.js';

/**
 * The joint task board of the demo incident (Hubei, 2020). The tasks are illustrative, labelled
 * so: the kinds of work the departments took on in January–February 2020, not a record of who
 * did what when. Deadlines fall in 2020, so the open ones show as overdue today.
 */
interface DemoTask {
  readonly key: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly department: DepartmentType;
  readonly unit: string;
  readonly priority: 'urgent' | 'high' | 'normal';
  readonly deadline: string;
  readonly dependsOn?: readonly string[];
  /** Status moves, in order, by whom (a demo username) and when. */
  readonly moves?: ReadonlyArray<{ readonly to: TaskStatus; readonly by: string; readonly at: string; readonly note?: string }>;
}

const HUBEI = '420000000000';
const WUHAN = '420100000000';
const DEMO_NOTE = { zh: '演示任务（示意，非真实记录）', en: 'Demo task (illustrative, not a record)' };

const DEMO_TASKS: readonly DemoTask[] = [
  {
    key: 'beds', titleZh: '统计定点医院床位与收治能力', titleEn: 'Count beds and admission capacity of designated hospitals', department: 'health', unit: WUHAN, priority: 'urgent', deadline: '2020-01-24T18:00:00+08:00',
    moves: [{ to: 'in_progress', by: 'wuhan.health', at: '2020-01-22T09:00:00+08:00' }, { to: 'done', by: 'wuhan.health', at: '2020-01-24T12:00:00+08:00' }],
  },
  {
    key: 'shelter-hospitals', titleZh: '方舱医院开舱收治轻症患者', titleEn: 'Open shelter hospitals for mild cases', department: 'health', unit: WUHAN, priority: 'urgent', deadline: '2020-02-06T22:00:00+08:00', dependsOn: ['beds'],
    moves: [{ to: 'in_progress', by: 'wuhan.health', at: '2020-02-03T20:00:00+08:00' }],
  },
  {
    key: 'green-lane', titleZh: '开通应急物资运输绿色通道', titleEn: 'Open a green lane for emergency supplies', department: 'transport', unit: HUBEI, priority: 'high', deadline: '2020-01-28T18:00:00+08:00',
    moves: [{ to: 'in_progress', by: 'hubei.duty', at: '2020-01-23T15:00:00+08:00' }],
  },
  { key: 'necessities', titleZh: '保障武汉市民生活必需品供应', titleEn: "Keep Wuhan's daily necessities supplied", department: 'commerce', unit: HUBEI, priority: 'high', deadline: '2020-02-01T18:00:00+08:00', dependsOn: ['green-lane'] },
  {
    key: 'protective-gear', titleZh: '医用防护服、口罩生产企业复工扩产', titleEn: 'Restart and ramp up protective gear and mask production', department: 'economy_it', unit: HUBEI, priority: 'urgent', deadline: '2020-02-05T18:00:00+08:00',
    moves: [
      { to: 'in_progress', by: 'hubei.duty', at: '2020-01-25T10:00:00+08:00' },
      { to: 'blocked', by: 'hubei.duty', at: '2020-01-29T10:00:00+08:00', note: '熔喷布原料短缺 (melt-blown fabric in short supply)' },
    ],
  },
  { key: 'rumours', titleZh: '核查处置涉疫网络谣言', titleEn: 'Check and answer rumours online', department: 'network', unit: HUBEI, priority: 'normal', deadline: '2020-02-10T18:00:00+08:00' },
];

async function contextFor(ctx: ServiceContext, username: string, clock: ServiceContext['clock']): Promise<ServiceContext> {
  const user = await ctx.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirstOrThrow();
  return { ...ctx, clock, actor: await actorForUser(ctx, user) };
}

/** Loads the demo board once (skips when the incident already has tasks). Needs the early-warning demo's incident. */
export async function loadTasksDemo(ctx: ServiceContext, props: { incidentId: string }): Promise<{ tasks: number } | undefined> {
  const existing = await ctx.db.selectFrom('command_tasks').select('id').where('incident_id', '=', props.incidentId).limit(1).executeTakeFirst();
  if (existing !== undefined) return undefined;
  const clock = fixedClock('2020-01-21T20:00:00+08:00');
  const commander = await contextFor(ctx, 'hubei.commander', clock);
  const ids = new Map<string, string>();
  for (const demo of DEMO_TASKS) {
    clock.advance(60_000);
    const created = await createTask(commander, {
      incidentId: props.incidentId,
      titleZh: demo.titleZh,
      titleEn: demo.titleEn,
      descriptionZh: DEMO_NOTE.zh,
      descriptionEn: DEMO_NOTE.en,
      department: demo.department,
      jurisdictionCode: demo.unit,
      deadline: demo.deadline,
      priority: demo.priority,
      dependsOn: (demo.dependsOn ?? []).map((key) => ids.get(key)!),
    });
    ids.set(demo.key, created.value.task.id);
  }
  const moves = DEMO_TASKS.flatMap((demo) => (demo.moves ?? []).map((move) => ({ ...move, key: demo.key }))).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const versions = new Map<string, number>([...ids.values()].map((id) => [id, 1]));
  for (const move of moves) {
    clock.set(move.at);
    const actor = await contextFor(ctx, move.by, clock);
    const id = ids.get(move.key)!;
    const moved = await changeTaskStatus(actor, { id, version: versions.get(id)!, to: move.to, note: move.note });
    versions.set(id, moved.value.task.version);
  }
  clock.set('2020-02-05T21:00:00+08:00');
  await addTaskNote(await contextFor(ctx, 'wuhan.health', clock), { id: ids.get('shelter-hospitals')!, text: '首批方舱医院开舱收治。First shelter hospitals admitting patients.' });
  return { tasks: DEMO_TASKS.length };
}
