import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { useSession } from '../app/session.js';
import { isApiError } from '../api/api-error.js';
import { addNote, fetchTask, moveTask, setOwner } from './api.js';
import { titleIn, type Task, type TaskStatus } from './types.js';
import { TaskEditForm } from './task-edit-form.js';

/** A task's detail: description, dependencies, status moves, owner, progress notes. */
export function TaskDetail({ taskId, boardTasks, onChanged, onClose }: { taskId: string; boardTasks: Task[]; onChanged: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const detail = useAsync(() => fetchTask(taskId), [taskId]);
  const [note, setNote] = useState('');
  const [moveReason, setMoveReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  async function act(action: () => Promise<unknown>) {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      detail.reload();
      onChanged();
    } catch (failure) {
      // Someone else saved first: show the current task rather than retrying blindly.
      if (isApiError(failure) && failure.status === 409 && failure.message.startsWith('version:')) {
        setNotice(t('tasks.conflict'));
        detail.reload();
      } else setError(failure);
    }
  }

  const task = detail.data?.task;
  return (
    <aside className="detail-panel task-detail" aria-label={task ? titleIn(task.title, i18n.language) : ''}>
      <div className="section-head">
        <h2>{task ? titleIn(task.title, i18n.language) : '…'}</h2>
        <button type="button" onClick={onClose}>{t('tasks.close')}</button>
      </div>
      <ErrorMessage error={detail.error ?? error} />
      {notice && <p className="notice">{notice}</p>}
      {task && (
        <>
          <dl className="facts">
            <dt>{t('tasks.department')}</dt>
            <dd>{task.department ? t(`departments.${task.department}`) : '—'}{task.organisation ? ` · ${task.organisation.name ?? ''}` : ''} · {task.jurisdictionCode}</dd>
            <dt>{t('tasks.owner')}</dt>
            <dd>{task.ownerId === null ? t('tasks.noOwner') : task.ownerId === user.id ? user.displayName : task.ownerId}</dd>
            <dt>{t('tasks.deadline')}</dt>
            <dd>
              {task.deadline ? new Date(task.deadline).toLocaleString(i18n.language) : t('tasks.noDeadline')}
              {task.overdue && <strong className="error-text"> {t('tasks.overdue')}</strong>}
            </dd>
            <dt>{t('tasks.dependsOn')}</dt>
            <dd>
              {task.dependsOn.length === 0
                ? '—'
                : task.dependsOn.map((d) => `${d.title ? titleIn(d.title, i18n.language) : t('tasks.hiddenTask')} (${t(`tasks.statuses.${d.status}`)})`).join('、')}
            </dd>
            {task.blockedReason && (
              <>
                <dt>{t('tasks.blockedReason')}</dt>
                <dd>{task.blockedReason}</dd>
              </>
            )}
          </dl>
          {task.description.zh && <p>{i18n.language.startsWith('en') ? (task.description.en ?? task.description.zh) : task.description.zh}</p>}
          {task.dependsOn.length > 0 && task.canStart && task.status === 'todo' && <p className="notice" data-testid="can-start">{t('tasks.canStartNow')}</p>}
          <p className="muted">{t('tasks.version', { version: task.version })}</p>
          {task.allowedMoves.length > 0 && (
            <div className="status-actions">
              <input aria-label={t('tasks.moveNote')} placeholder={t('tasks.moveNote')} value={moveReason} onChange={(e) => setMoveReason(e.target.value)} />
              {task.allowedMoves.map((to: TaskStatus) => (
                <button key={to} type="button" data-move={to} onClick={() => void act(() => moveTask(task.id, task.version, to, moveReason.trim() || undefined).then(() => setMoveReason('')))}>
                  {t(`tasks.moves.${to}`)}
                </button>
              ))}
            </div>
          )}
          {task.rights.assignOwner && task.ownerId !== user.id && (
            <button type="button" onClick={() => void act(() => setOwner(task.id, task.version, user.id))}>{t('tasks.takeOwnership')}</button>
          )}
          {task.rights.manage && <TaskEditForm key={task.version} task={task} boardTasks={boardTasks} act={act} />}
          <h3>{t('tasks.notes')}</h3>
          <ol className="timeline">
            {detail.data?.notes.map((n) => (
              <li key={n.id}>
                <span className="muted">{new Date(n.createdAt).toLocaleString(i18n.language)} · {n.authorName} · {t(`tasks.noteKinds.${n.kind}`)}</span>
                <div>{n.text}</div>
              </li>
            ))}
          </ol>
          {task.rights.work && (
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (note.trim()) void act(() => addNote(task.id, note.trim()).then(() => setNote('')));
              }}
            >
              <textarea name="note" aria-label={t('tasks.addNote')} placeholder={t('tasks.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />
              <button type="submit">{t('tasks.addNote')}</button>
            </form>
          )}
        </>
      )}
    </aside>
  );
}
