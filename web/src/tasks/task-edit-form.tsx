import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setDependencies, updateTask } from './api.js';
import { TASK_PRIORITIES, titleIn, type Task } from './types.js';

/** A datetime-local value (the reader's local time) for an ISO instant. */
function localInput(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The board manager's edits of one task: priority, deadline and what it waits for, each saved
 * at the version shown (a 409 reloads the task, in TaskDetail).
 */
export function TaskEditForm({ task, boardTasks, act }: { task: Task; boardTasks: Task[]; act: (action: () => Promise<unknown>) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [priority, setPriority] = useState(task.priority);
  const [deadline, setDeadline] = useState(localInput(task.deadline));
  const [dependsOn, setDependsOn] = useState(task.dependsOn.map((d) => d.id));
  const others = boardTasks.filter((other) => other.id !== task.id);
  return (
    <form
      className="form-grid task-edit-form"
      onSubmit={(event) => {
        event.preventDefault();
        void act(async () => {
          const changed = priority !== task.priority || deadline !== localInput(task.deadline);
          const updated = changed ? await updateTask(task.id, task.version, { priority, deadline: deadline ? new Date(deadline).toISOString() : null }) : task;
          const same = [...dependsOn].sort().join() === task.dependsOn.map((d) => d.id).sort().join();
          if (!same) await setDependencies(task.id, updated.version, dependsOn);
        });
      }}
    >
      <label className="field">
        <span>{t('tasks.create.priority')}</span>
        <select name="priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
          {TASK_PRIORITIES.map((p) => (
            <option key={p} value={p}>{t(`tasks.priorities.${p}`)}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('tasks.create.deadline')}</span>
        <input name="deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      {others.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('tasks.create.dependsOn')}</legend>
          {others.map((other) => (
            <label key={other.id} className="inline-field">
              <input
                type="checkbox"
                checked={dependsOn.includes(other.id)}
                onChange={(e) => setDependsOn(e.target.checked ? [...dependsOn, other.id] : dependsOn.filter((id) => id !== other.id))}
              />
              {titleIn(other.title, i18n.language)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit">{t('tasks.save')}</button>
      </div>
    </form>
  );
}
