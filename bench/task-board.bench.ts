/**
 * Reading a full joint board (LIMITS.boardMax tasks, each waiting on up to two earlier ones) as
 * a department officer — the policy per task, dependency views and the critical path — against a
 * plain `SELECT *` of the same board's rows in the same run; and listing one department's tasks
 * across boards (`GET /api/v1/tasks?department=`) against a plain select with the same filter.
 * Median of N runs each. Also one more task created on the full board (through the service:
 * checks, insert, audit, event, notification of the department's officers) against a unit of work
 * that writes one audit record (lock, hash-chained audit row, durable commit): the floor every
 * audited write pays.
 *
 *   node --import tsx bench/task-board.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/task-board.bench.ts
 *
 * BENCH_TASKS sets the board size (default and at most 2000 less the create runs), BENCH_RUNS sets N (default 15).
 */
import { sql } from 'kysely';
import { systemActor, type Actor } from '../src/core/actor.js';
import { fixedClock } from '../src/core/clock.js';
import { DEPARTMENT_TYPES } from '../src/core/roles.js';
import { withUnitOfWork, type ServiceContext } from '../src/platform/context.js';
import { createLogger } from '../src/platform/logging.js';
import { testDatabases } from '../src/testing/databases.js';
import { seedScopeTree, SCOPE_TREE } from '../src/testing/app.js';
import { openIncident } from '../src/incidents/service.js';
import { LIMITS } from '../src/command/tasks/model.js';
import { createTask } from '../src/command/tasks/service.js';
import { getBoard, listTasks } from '../src/command/tasks/board-service.js';
import { median, time } from './support.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// Room left on the board for the tasks the create runs add.
const TASKS = Math.min(Number(process.env.BENCH_TASKS ?? LIMITS.boardMax), LIMITS.boardMax - RUNS);
const WUHAN_PATH = '/000000000000/420000000000/420100000000/';

for (const engine of testDatabases()) {
  const { handle, config, dispose } = await engine.create();
  try {
    const clock = fixedClock('2026-03-01T00:00:00Z');
    const system: ServiceContext = { actor: systemActor('bench'), db: handle.db, dialect: handle.dialect, clock, log: createLogger('silent'), auditKey: config.auditKey };
    await seedScopeTree(system);
    void SCOPE_TREE;
    const incident = await openIncident(system, { title: 'bench', type: 'disease_cluster', level: 'II', jurisdictionCode: '4201' });
    const ids: string[] = [];
    const seedStart = performance.now();
    for (let i = 0; i < TASKS; i++) {
      const dependsOn = [ids[i - 1 - (i % 7)], ids[i - 1 - (i % 13)]].filter((id): id is string => id !== undefined);
      const created = await createTask(system, {
        incidentId: incident.id,
        titleZh: `任务 ${i}`,
        department: DEPARTMENT_TYPES[i % 7]!,
        jurisdictionCode: '4201',
        dependsOn: [...new Set(dependsOn)],
      });
      ids.push(created.value.task.id);
    }
    const seedMs = performance.now() - seedStart;
    if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);

    const officer: Actor = { kind: 'user', id: 'bench-officer', name: 'bench', grants: [{ role: 'department_officer', jurisdictionCode: '420100000000', jurisdictionPath: WUHAN_PATH, department: 'health' }] };
    const ctx: ServiceContext = { ...system, actor: officer };
    const board = await getBoard(ctx, incident.id);
    const plainRows = await handle.db.selectFrom('command_tasks').selectAll().where('incident_id', '=', incident.id).execute();
    const listed = await listTasks(ctx, { department: ['health'], limit: 500 });
    const boardTimes: number[] = [];
    const plainTimes: number[] = [];
    const listTimes: number[] = [];
    const plainListTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      boardTimes.push(await time(() => getBoard(ctx, incident.id)));
      plainTimes.push(await time(() => handle.db.selectFrom('command_tasks').selectAll().where('incident_id', '=', incident.id).execute()));
      listTimes.push(await time(() => listTasks(ctx, { department: ['health'], limit: 500 })));
      plainListTimes.push(await time(() => handle.db.selectFrom('command_tasks').selectAll().where('department', '=', 'health').orderBy('id').limit(501).execute()));
    }
    const createTimes: number[] = [];
    const emptyTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      createTimes.push(await time(() => createTask(system, { incidentId: incident.id, titleZh: `追加 ${i}`, department: 'health', jurisdictionCode: '4201', dependsOn: [ids[i]!] })));
      emptyTimes.push(await time(() => withUnitOfWork(system, (unit) => unit.audit({ action: 'bench.noop', targetType: 'bench', targetId: String(i) }))));
    }
    const c = median(createTimes);
    const e = median(emptyTimes);
    const b = median(boardTimes);
    const p = median(plainTimes);
    const l = median(listTimes);
    const pl = median(plainListTimes);
    console.log(`${engine.name}: seeded ${TASKS} tasks through createTask in ${(seedMs / 1000).toFixed(1)} s (${(seedMs / TASKS).toFixed(2)} ms each)`);
    console.log(`${engine.name}: board read as a health officer (${board.tasks.length} of ${plainRows.length} visible, critical path ${board.criticalPath.length}): ${b.toFixed(1)} ms vs plain select of the board ${p.toFixed(1)} ms → ratio ${(b / p).toFixed(2)}`);
    console.log(`${engine.name}: one more task on the full board: ${c.toFixed(1)} ms vs a unit of work writing one audit record ${e.toFixed(1)} ms → ratio ${(c / e).toFixed(2)}`);
    console.log(`${engine.name}: department list (${listed.items.length} tasks): ${l.toFixed(1)} ms vs plain filtered select ${pl.toFixed(1)} ms → ratio ${(l / pl).toFixed(2)}`);
  } finally {
    await dispose();
  }
}
