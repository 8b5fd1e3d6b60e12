import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { createTask } from './api.js';
import { DEPARTMENTS, TASK_PRIORITIES, titleIn, type Task } from './types.js';

/** A board manager's form for a new task: title, department and unit, deadline, priority, dependencies. */
export function TaskForm({ incidentId, defaultCode, tasks, onCreated }: { incidentId: string; defaultCode: string; tasks: Task[]; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const [titleZh, setTitleZh] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [department, setDepartment] = useState('health');
  const [code, setCode] = useState(defaultCode);
  const [deadline, setDeadline] = useState('');
  const [priority, setPriority] = useState('normal');
  const [dependsOn, setDependsOn] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit() {
    setError(undefined);
    setIsSaving(true);
    try {
      await createTask(incidentId, {
        titleZh,
        titleEn: titleEn.trim() || null,
        department,
        jurisdictionCode: code,
        // datetime-local is the reader's local time: send it with its zone.
        deadline: deadline ? new Date(deadline).toISOString() : null,
        priority,
        dependsOn,
      });
      setTitleZh('');
      setTitleEn('');
      setDependsOn([]);
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  }

  const open = tasks.filter((task) => task.status !== 'cancelled');
  return (
    <form
      className="form-grid task-form"
      aria-label={t('tasks.create.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{t('tasks.create.heading')}</h2>
      <label className="field">
        <span>{t('tasks.create.titleZh')}</span>
        <input name="titleZh" required value={titleZh} onChange={(e) => setTitleZh(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('tasks.create.titleEn')}</span>
        <input name="titleEn" value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('tasks.department')}</span>
        <select name="department" value={department} onChange={(e) => setDepartment(e.target.value)}>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>{t(`departments.${d}`)}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('tasks.create.jurisdiction')}</span>
        <input name="jurisdictionCode" required value={code} onChange={(e) => setCode(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('tasks.create.deadline')}</span>
        <input name="deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('tasks.create.priority')}</span>
        <select name="priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
          {TASK_PRIORITIES.map((p) => (
            <option key={p} value={p}>{t(`tasks.priorities.${p}`)}</option>
          ))}
        </select>
      </label>
      {open.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('tasks.create.dependsOn')}</legend>
          {open.map((task) => (
            <label key={task.id} className="inline-field">
              <input
                type="checkbox"
                name="dependsOn"
                value={task.id}
                data-title={task.title.zh}
                checked={dependsOn.includes(task.id)}
                onChange={(e) => setDependsOn(e.target.checked ? [...dependsOn, task.id] : dependsOn.filter((id) => id !== task.id))}
              />
              {titleIn(task.title, i18n.language)}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="submit" disabled={isSaving}>{t('tasks.create.submit')}</button>
      </div>
    </form>
  );
}
