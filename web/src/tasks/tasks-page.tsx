import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { useSession } from '../app/session.js';
import { useHashRoute } from '../app/hash-route.js';
import { useLiveEvents } from '../app/use-live-events.js';
import { fetchBoard, fetchMyTaskIncidents, fetchOpenIncidents, tasksCsvUrl } from './api.js';
import { TaskBoard } from './task-board.js';
import { TaskDetail } from './task-detail.js';
import { TaskForm } from './task-form.js';
import { LiaisonPanel } from './liaison-panel.js';
import { DEPARTMENTS, titleIn } from './types.js';

/** Event types the board refreshes on (src/command/tasks: mutation.ts, jobs.ts, liaison-service.ts). */
const TASK_EVENTS = ['task.created', 'task.updated', 'task.assigned', 'task.status_changed', 'task.note_added', 'task.overdue', 'liaison.granted', 'liaison.ended'] as const;

/**
 * `#/tasks?incident=…`: an incident's joint task board as the reader may see it (columns by
 * status, filter by department, dependencies and overdue tasks marked), a task's detail with
 * its notes, and for commanders the liaison assignments. Updates live over the event stream.
 */
export function TasksPage() {
  const { t, i18n } = useTranslation();
  const { scope } = useSession();
  const route = useHashRoute();
  const [chosen, setChosen] = useState<string | undefined>(route.search.get('incident') ?? undefined);
  const [department, setDepartment] = useState('');
  const [openTask, setOpenTask] = useState<string | undefined>(route.search.get('task') ?? undefined);

  const incidents = useAsync(async () => {
    const [inScope, mine] = await Promise.all([fetchOpenIncidents(scope), fetchMyTaskIncidents()]);
    const known = new Set(inScope.items.map((i) => i.id));
    return [...inScope.items.map((i) => ({ id: i.id, label: `${i.number} ${i.title}` })), ...mine.filter((id) => !known.has(id)).map((id) => ({ id, label: id }))];
  }, [scope]);
  const incidentId = chosen ?? incidents.data?.[0]?.id;
  useEffect(() => {
    const fromLink = route.search.get('incident');
    if (fromLink) setChosen(fromLink);
    const taskFromLink = route.search.get('task');
    if (taskFromLink) setOpenTask(taskFromLink);
  }, [route.search.toString()]);

  const board = useAsync(async () => (incidentId ? fetchBoard(incidentId) : undefined), [incidentId]);
  useLiveEvents(TASK_EVENTS, () => board.reload());

  const tasks = (board.data?.tasks ?? []).filter((task) => department === '' || task.department === department);
  const critical = board.data?.criticalPath ?? [];
  const byId = new Map((board.data?.tasks ?? []).map((task) => [task.id, task]));

  return (
    <div className="page tasks-page">
      <section aria-labelledby="tasks-title">
        <h1 id="tasks-title">{t('tasks.title')}</h1>
        <ErrorMessage error={incidents.error} />
        {incidents.data?.length === 0 && !chosen && <p className="muted">{t('tasks.noIncident')}</p>}
        <div className="inline-form">
          <label className="field">
            <span>{t('tasks.incident')}</span>
            <select data-testid="incident-picker" value={incidentId ?? ''} onChange={(e) => { setChosen(e.target.value); setOpenTask(undefined); }}>
              {incidentId && !incidents.data?.some((i) => i.id === incidentId) && <option value={incidentId}>{board.data ? `${board.data.incident.number} ${board.data.incident.title}` : incidentId}</option>}
              {incidents.data?.map((i) => (
                <option key={i.id} value={i.id}>{i.label}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('tasks.department')}</span>
            <select data-testid="department-filter" value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">{t('tasks.allDepartments')}</option>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>{t(`departments.${d}`)}</option>
              ))}
            </select>
          </label>
          {incidentId && <a href={tasksCsvUrl(incidentId, department)} download>{t('tasks.exportCsv')}</a>}
        </div>
        <ErrorMessage error={board.error} />
        {critical.length > 1 && (
          <p className="muted" data-testid="critical-path">
            <strong>{t('tasks.criticalPath')}</strong> ({t('tasks.criticalPathHint')}):{' '}
            {critical.map((id) => (byId.get(id) ? titleIn(byId.get(id)!.title, i18n.language) : id)).join(' → ')}
          </p>
        )}
        {board.data && board.data.tasks.length === 0 && <p className="muted">{t('tasks.empty')}</p>}
        {board.data && <TaskBoard tasks={tasks} criticalPath={critical} onOpen={setOpenTask} />}
      </section>
      {openTask && <TaskDetail key={openTask} taskId={openTask} boardTasks={board.data?.tasks ?? []} onChanged={board.reload} onClose={() => setOpenTask(undefined)} />}
      {board.data?.canManage && incidentId && (
        <section>
          <TaskForm key={incidentId} incidentId={incidentId} defaultCode={board.data.incident.jurisdictionCode} tasks={board.data.tasks} onCreated={board.reload} />
        </section>
      )}
      {board.data?.canManageLiaisons && incidentId && <LiaisonPanel incidentId={incidentId} />}
    </div>
  );
}
