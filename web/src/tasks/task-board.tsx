import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type Task } from './types.js';
import { TaskCard } from './task-card.js';

/** The board: one column per status, cards in creation order. */
export function TaskBoard({ tasks, criticalPath, onOpen }: { tasks: Task[]; criticalPath: string[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const critical = new Set(criticalPath);
  return (
    <div className="task-board" style={{ display: 'grid', gridTemplateColumns: `repeat(${TASK_STATUSES.length}, minmax(12rem, 1fr))`, gap: '0.75rem', overflowX: 'auto' }}>
      {TASK_STATUSES.map((status) => {
        const column = tasks.filter((task) => task.status === status);
        return (
          <section key={status} data-status={status} aria-label={t(`tasks.statuses.${status}`)}>
            <h3>
              {t(`tasks.statuses.${status}`)} <span className="muted">({column.length})</span>
            </h3>
            <ul style={{ padding: 0 }}>
              {column.map((task) => (
                <TaskCard key={task.id} task={task} isCritical={critical.has(task.id)} onOpen={() => onOpen(task.id)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
