import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { EVENT_TYPES, SEVERITY_LEVELS } from '../intake/event-types.js';
import { giveVerdict } from './api.js';
import type { Cluster, Verdict, VerdictBody, VerdictResult } from './types.js';

interface VerdictFormProps {
  cluster: Cluster;
  verdicts: readonly string[];
  mergeTargets: Cluster[];
  onDone: (result: VerdictResult) => void;
}

/** Verify (correcting the type), reject (with a note), merge into another candidate, or escalate to an incident. */
export function VerdictForm({ cluster, verdicts, mergeTargets, onDone }: VerdictFormProps) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<Verdict>(verdicts[0] as Verdict);
  const [type, setType] = useState(cluster.type);
  const [note, setNote] = useState('');
  const [intoClusterId, setIntoClusterId] = useState('');
  const [incidentTitle, setIncidentTitle] = useState(cluster.title);
  const [incidentLevel, setIncidentLevel] = useState('');
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<VerdictResult>();
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(undefined);
    const body: VerdictBody = { verdict, ...(note.trim() ? { note: note.trim() } : {}) };
    if ((verdict === 'verify' || verdict === 'escalate') && type !== cluster.type) body.type = type;
    if (verdict === 'merge') body.intoClusterId = intoClusterId;
    if (verdict === 'escalate') {
      body.incidentTitle = incidentTitle.trim() || cluster.title;
      if (incidentLevel) body.incidentLevel = incidentLevel;
    }
    try {
      const answer = await giveVerdict(cluster.id, body);
      setResult(answer);
      onDone(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="verdict-form" onSubmit={(event) => void submit(event)} aria-label={t('triage.verdict')}>
      <fieldset className="fieldset">
        <legend>{t('triage.verdict')}</legend>
        <div className="tabs" role="radiogroup">
          {verdicts.map((value) => (
            <label key={value} className={`radio-tab${verdict === value ? ' is-active' : ''}`}>
              <input type="radio" name="verdict" value={value} checked={verdict === value} onChange={() => setVerdict(value as Verdict)} />
              {t(`verdicts.${value}`)}
            </label>
          ))}
        </div>
        {(verdict === 'verify' || verdict === 'escalate') && (
          <label className="field">
            <span>{t('triage.correctType')}</span>
            <select value={type} onChange={(event) => setType(event.target.value)}>
              {EVENT_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`eventTypes.${value}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {verdict === 'merge' && (
          <label className="field">
            <span>{t('triage.mergeInto')}</span>
            <select name="intoClusterId" required value={intoClusterId} onChange={(event) => setIntoClusterId(event.target.value)}>
              <option value="">{t('triage.chooseCluster')}</option>
              {mergeTargets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.title} · {t(`eventTypes.${target.type}`, { defaultValue: target.type })} · {target.jurisdictionName ?? target.jurisdictionCode ?? '—'}
                </option>
              ))}
            </select>
          </label>
        )}
        {verdict === 'escalate' && (
          <div className="form-grid">
            <label className="field">
              <span>{t('triage.incidentTitle')}</span>
              <input name="incidentTitle" required maxLength={200} value={incidentTitle} onChange={(event) => setIncidentTitle(event.target.value)} />
            </label>
            <label className="field">
              <span>{t('incidents.level')}</span>
              <select name="incidentLevel" value={incidentLevel} onChange={(event) => setIncidentLevel(event.target.value)}>
                <option value="">{t('levelsIV.unassessed')}</option>
                {SEVERITY_LEVELS.map((value) => (
                  <option key={value} value={value}>
                    {t(`levelsIV.${value}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <label className="field">
          <span>{verdict === 'reject' ? t('triage.rejectNote') : t('triage.note')}</span>
          <textarea name="note" rows={2} maxLength={2000} required={verdict === 'reject'} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className={verdict === 'reject' ? 'danger' : 'primary'} disabled={isBusy || (verdict === 'merge' && !intoClusterId)} data-testid="give-verdict">
          {t(`verdicts.${verdict}`)}
        </button>
        {result && (
          <p className="notice" role="status" data-testid="verdict-result">
            {t('triage.done', { status: t(`clusterStatuses.${result.cluster.status}`, { defaultValue: result.cluster.status }) })}
            {result.incidentId && (
              <>
                {' '}
                <a href={`#/incidents/${encodeURIComponent(result.incidentId)}`} data-testid="incident-link">
                  {t('incidents.open')}
                </a>
              </>
            )}
          </p>
        )}
      </fieldset>
    </form>
  );
}
