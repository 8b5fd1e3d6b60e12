import { useTranslation } from 'react-i18next';
import { titleIn, type Task } from './types.js';

/** One task on the board: who has it, by when, and what it waits on. */
export function TaskCard({ task, isCritical, onOpen }: { task: Task; isCritical: boolean; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const waiting = task.dependsOn.filter((d) => task.waitingOn.includes(d.id));
  return (
    <li
      className={`card task-card${task.overdue ? ' overdue' : ''}`}
      data-task-title={task.title.zh}
      style={{ listStyle: 'none', marginBottom: '0.5rem', borderLeft: task.overdue ? '4px solid #c62828' : isCritical ? '4px solid #ef6c00' : undefined }}
    >
      <button type="button" className="link-button" onClick={onOpen}>
        <strong>{titleIn(task.title, i18n.language)}</strong>
      </button>
      <div className="muted">
        {task.department ? t(`departments.${task.department}`) : task.organisation?.name} · {task.jurisdictionCode} · {t(`tasks.priorities.${task.priority}`)}
      </div>
      <div className="muted">
        {task.deadline ? `${t('tasks.deadline')} ${new Date(task.deadline).toLocaleString(i18n.language)}` : t('tasks.noDeadline')}
        {task.overdue && (
          <span className="badge" data-testid="overdue" style={{ background: '#c62828', color: '#fff', marginLeft: '0.5rem' }}>
            {t('tasks.overdue')}
          </span>
        )}
      </div>
      {waiting.length > 0 && (
        <div data-testid="waiting" className="warning">
          {t('tasks.waitingOn')}: {waiting.map((d) => (d.title ? titleIn(d.title, i18n.language) : `${d.department ? t(`departments.${d.department}`) : ''} (${t('tasks.hiddenTask')})`)).join('、')}
        </div>
      )}
      {task.blocks.length > 0 && <div className="muted">{t('tasks.blocks', { count: task.blocks.length })}</div>}
      {task.status === 'blocked' && task.blockedReason && <div className="error-text">{task.blockedReason}</div>}
    </li>
  );
}
