import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { changeStatus } from './api.js';
import type { Incident } from './types.js';

/** Moves that must say why: a false alarm (reported → closed) and reopening (closed → responding). */
function needsReason(from: string, to: string): boolean {
  return (from === 'reported' && to === 'closed') || (from === 'closed' && to === 'responding');
}

/** One button per status the incident may move to next, with a note (required where a reason is). */
export function StatusActions({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  if (incident.allowedMoves.length === 0) return null;

  const move = async (to: string) => {
    setError(undefined);
    if (needsReason(incident.status, to) && !note.trim()) {
      setError(new Error(t('incidents.reasonNeeded')));
      return;
    }
    setIsBusy(true);
    try {
      await changeStatus(incident.id, to, note.trim() || undefined);
      setNote('');
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="status-actions">
      <h2>{t('incidents.changeStatus')}</h2>
      <label className="field">
        <span>{t('incidents.statusNote')}</span>
        <input value={note} maxLength={4000} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="row-actions">
        {incident.allowedMoves.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'closed' ? 'danger' : 'primary'}
            disabled={isBusy}
            data-move={to}
            onClick={() => void move(to)}
          >
            {incident.status === 'reported' && to === 'closed'
              ? t('incidents.falseAlarm')
              : incident.status === 'closed'
                ? t('incidents.reopen')
                : t('incidents.moveTo', { status: t(`incidentStatuses.${to}`) })}
          </button>
        ))}
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
