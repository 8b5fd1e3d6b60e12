import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { endLiaison, fetchLiaisons, grantLiaison } from './api.js';
import { DEPARTMENTS } from './types.js';

/** Commanders grant and end temporary access to this incident's board across jurisdictions. */
export function LiaisonPanel({ incidentId }: { incidentId: string }) {
  const { t, i18n } = useTranslation();
  const liaisons = useAsync(() => fetchLiaisons(incidentId), [incidentId]);
  const [kind, setKind] = useState<'department' | 'user'>('department');
  const [department, setDepartment] = useState('health');
  const [code, setCode] = useState('');
  const [userId, setUserId] = useState('');
  const [reason, setReason] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [error, setError] = useState<unknown>();

  async function run(action: () => Promise<unknown>) {
    setError(undefined);
    try {
      await action();
      liaisons.reload();
    } catch (failure) {
      setError(failure);
    }
  }

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <section aria-labelledby="liaisons-title" className="liaison-panel">
      <h2 id="liaisons-title">{t('tasks.liaisons.heading')}</h2>
      <p className="muted">{t('tasks.liaisons.hint')}</p>
      <ErrorMessage error={liaisons.error ?? error} />
      {liaisons.data?.items.length === 0 && <p className="muted">{t('tasks.liaisons.none')}</p>}
      {liaisons.data && liaisons.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('tasks.liaisons.grantee')}</th>
              <th>{t('tasks.liaisons.reason')}</th>
              <th>{t('tasks.liaisons.endsAt')}</th>
              <th>{t('tasks.liaisons.grantedBy')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {liaisons.data.items.map((l) => (
              <tr key={l.id} data-state={l.state}>
                <td>{l.granteeKind === 'department' ? `${t(`departments.${l.department}`)} · ${l.jurisdictionCode}` : `${t('tasks.liaisons.kindUser')} ${l.userId}`}</td>
                <td>{l.reason ?? '—'}</td>
                <td>{when(l.endsAt)} ({t(`tasks.liaisons.states.${l.state}`)})</td>
                <td>{l.grantedByName}</td>
                <td>{(l.state === 'live' || l.state === 'scheduled') && <button type="button" onClick={() => void run(() => endLiaison(l.id))}>{t('tasks.liaisons.end')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() =>
            grantLiaison(incidentId, {
              ...(kind === 'department' ? { department, jurisdictionCode: code } : { userId }),
              ...(reason.trim() ? { reason: reason.trim() } : {}),
              endsAt: endsAt ? new Date(endsAt).toISOString() : '',
            }),
          );
        }}
      >
        <select aria-label={t('tasks.liaisons.grantee')} value={kind} onChange={(e) => setKind(e.target.value as 'department' | 'user')}>
          <option value="department">{t('tasks.liaisons.kindDepartment')}</option>
          <option value="user">{t('tasks.liaisons.kindUser')}</option>
        </select>
        {kind === 'department' ? (
          <>
            <select aria-label={t('tasks.department')} value={department} onChange={(e) => setDepartment(e.target.value)}>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>{t(`departments.${d}`)}</option>
              ))}
            </select>
            <input aria-label={t('tasks.liaisons.jurisdiction')} placeholder={t('tasks.liaisons.jurisdiction')} value={code} onChange={(e) => setCode(e.target.value)} />
          </>
        ) : (
          <input aria-label={t('tasks.liaisons.userId')} placeholder={t('tasks.liaisons.userId')} value={userId} onChange={(e) => setUserId(e.target.value)} />
        )}
        <input aria-label={t('tasks.liaisons.reason')} placeholder={t('tasks.liaisons.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <input aria-label={t('tasks.liaisons.endsAt')} type="datetime-local" required value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
        <button type="submit">{t('tasks.liaisons.grant')}</button>
      </form>
    </section>
  );
}
