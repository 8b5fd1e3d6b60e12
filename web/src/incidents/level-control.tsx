import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { SEVERITY_LEVELS } from '../intake/event-types.js';
import { changeLevel } from './api.js';
import { LevelBadge } from './level-badge.js';
import type { Incident } from './types.js';

/** The severity level, changeable in place (levels I and II are for commanders; the server decides). */
export function LevelControl({ incident, onChanged }: { incident: Incident; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  const change = async (level: string) => {
    setIsBusy(true);
    setError(undefined);
    try {
      await changeLevel(incident.id, level || null);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="level-control">
      <LevelBadge level={incident.level} />{' '}
      {incident.status !== 'closed' && (
        <label className="inline-field">
          <span className="visually-hidden">{t('incidents.changeLevel')}</span>
          <select value={incident.level ?? ''} disabled={isBusy} onChange={(event) => void change(event.target.value)}>
            <option value="">{t('levelsIV.unassessed')}</option>
            {SEVERITY_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`levelsIV.${level}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
