// The demo board (src/demo/tasks-demo.ts) loads through the real services on every engine: the
// demo accounts it acts as are seeded here on the small test tree, with the grants they have in
// src/demo/demo-users.ts (hubei.commander, hubei.duty, wuhan.health).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../../testing/databases.js';
import { buildTestApp, seedScopeTree, seedUser, type TestApp } from '../../testing/app.js';
import { openIncident } from '../../incidents/service.js';
import { loadTasksDemo } from '../../demo/tasks-demo.js';
import { getBoard } from './board-service.js';

for (const engine of testDatabases()) {
  describe(`tasks demo (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      await seedUser(t.system, { username: 'hubei.commander', role: 'commander', jurisdictionCode: '42' });
      await seedUser(t.system, { username: 'hubei.duty', role: 'duty_officer', jurisdictionCode: '42' });
      await seedUser(t.system, { username: 'wuhan.health', role: 'department_officer', jurisdictionCode: '4201', department: 'health' });
    });
    after(async () => t.close());

    test('a joint board with dependencies, a block, finished and overdue work; loading twice adds nothing', async () => {
      const incident = await openIncident(t.system, { title: '演示事件', type: 'disease_cluster', level: 'I', jurisdictionCode: '42' });
      assert.deepEqual(await loadTasksDemo(t.system, { incidentId: incident.id }), { tasks: 6 });
      assert.equal(await loadTasksDemo(t.system, { incidentId: incident.id }), undefined);
      const board = await getBoard(t.system, incident.id);
      const byTitle = new Map(board.tasks.map((v) => [v.task.title.zh, v]));
      assert.equal(byTitle.get('统计定点医院床位与收治能力')!.task.status, 'done');
      assert.equal(byTitle.get('方舱医院开舱收治轻症患者')!.task.status, 'in_progress');
      assert.equal(byTitle.get('医用防护服、口罩生产企业复工扩产')!.task.status, 'blocked');
      const necessities = byTitle.get('保障武汉市民生活必需品供应')!;
      assert.equal(necessities.waitingOn.length, 1, 'commerce waits for the green lane');
      assert.ok(necessities.overdue, '2020 deadlines are past');
      assert.deepEqual(board.criticalPath.map((id) => board.tasks.find((v) => v.task.id === id)!.task.title.zh), ['开通应急物资运输绿色通道', '保障武汉市民生活必需品供应']);
    });
  });
}
