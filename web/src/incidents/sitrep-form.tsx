import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { fileSitrep } from './api.js';
import type { Sitrep } from './types.js';

/** The figures most situation reports carry; more keys can be added. */
export const COMMON_FIGURES = ['confirmed', 'suspected', 'deaths', 'recovered'] as const;
const FIGURE_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Files a unit's situation report for a day; re-filing the same day replaces it. */
export function SitrepForm({ incidentId, period, defaultCode, onFiled }: { incidentId: string; period: string; defaultCode: string; onFiled: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(defaultCode);
  const [values, setValues] = useState<Record<string, string>>({});
  const [extraKeys, setExtraKeys] = useState<string[]>([]);
  const [newKey, setNewKey] = useState('');
  const [narrative, setNarrative] = useState('');
  const [error, setError] = useState<unknown>();
  const [filed, setFiled] = useState<Sitrep>();
  const [isBusy, setIsBusy] = useState(false);
  const keys = [...COMMON_FIGURES, ...extraKeys];

  const addKey = () => {
    const key = newKey.trim();
    if (!FIGURE_KEY.test(key)) return setError(new Error(t('sitreps.badKey')));
    if (!keys.includes(key)) setExtraKeys([...extraKeys, key]);
    setNewKey('');
    setError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(undefined);
    const figures: Record<string, number> = {};
    for (const key of keys) {
      const text = values[key]?.trim();
      if (text) figures[key] = Number(text);
    }
    try {
      setFiled(await fileSitrep(incidentId, { jurisdictionCode: code.trim(), period, figures, ...(narrative.trim() ? { narrative: narrative.trim() } : {}) }));
      onFiled();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="sitrep-form" onSubmit={(event) => void submit(event)} aria-label={t('sitreps.file')}>
      <h3>{t('sitreps.file')}</h3>
      <label className="field">
        <span>{t('sitreps.unit')}</span>
        <input required inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} />
      </label>
      <div className="form-grid">
        {keys.map((key) => (
          <label key={key} className="field">
            <span>{t(`figures.${key}`, { defaultValue: key })}</span>
            <input
              type="number"
              min={0}
              step="any"
              inputMode="numeric"
              name={`figure-${key}`}
              value={values[key] ?? ''}
              onChange={(event) => setValues({ ...values, [key]: event.target.value })}
            />
          </label>
        ))}
      </div>
      <div className="inline-form">
        <label className="field">
          <span>{t('sitreps.newKey')}</span>
          <input value={newKey} placeholder="evacuated" onChange={(event) => setNewKey(event.target.value)} />
        </label>
        <button type="button" onClick={addKey}>
          {t('sitreps.addKey')}
        </button>
      </div>
      <label className="field">
        <span>{t('sitreps.narrative')}</span>
        <textarea rows={3} value={narrative} onChange={(event) => setNarrative(event.target.value)} />
      </label>
      <ErrorMessage error={error} />
      {filed && (
        <p className="notice" role="status">
          {t(`sitreps.outcome.${filed.outcome ?? 'created'}`)}
        </p>
      )}
      <button type="submit" className="primary" disabled={isBusy}>
        {t('sitreps.submit')}
      </button>
    </form>
  );
}
