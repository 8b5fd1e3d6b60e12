import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { changeRiskArea, designateRiskArea, liftRiskArea, listRiskAreas } from './api.js';

/** A local date-time input value as an ISO time with the +08:00 offset (bulletins and designations count in China time). */
const asShanghai = (local: string) => `${local}:00+08:00`;
const shortTime = (iso: string, language: string) => new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

export function RiskAreaPanel({ scope }: { scope: string }) {
  const { t, i18n } = useTranslation();
  const list = useAsync(() => listRiskAreas(scope), [scope]);
  const [form, setForm] = useState({ jurisdictionCode: '', level: 'medium', reason: '', reviewAt: '', expiresAt: '' });
  const [error, setError] = useState<unknown>();
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      list.reload();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await act(() => designateRiskArea({ ...form, reviewAt: asShanghai(form.reviewAt), expiresAt: asShanghai(form.expiresAt) }));
    if (done) setForm({ ...form, jurisdictionCode: '', reason: '' });
  };

  // Reviewing means setting the next review date; that clears the review flag.
  const review = (id: string) => {
    const next = window.prompt(t('information.officer.nextReview'), '');
    if (next && /^\d{4}-\d{2}-\d{2}$/.test(next.trim())) void act(() => changeRiskArea(id, { reviewAt: `${next.trim()}T00:00:00+08:00` }));
  };

  const lift = (id: string) => {
    const reason = window.prompt(t('information.officer.liftReason'));
    if (reason) void act(() => liftRiskArea(id, reason));
  };

  return (
    <>
      <form className="panel form-grid" onSubmit={(event) => void submit(event)} aria-label={t('information.officer.designateTitle')}>
        <h2>{t('information.officer.designateTitle')}</h2>
        <label className="field">
          <span>{t('information.officer.jurisdictionCode')}</span>
          <input required inputMode="numeric" value={form.jurisdictionCode} onChange={set('jurisdictionCode')} />
        </label>
        <label className="field">
          <span>{t('information.officer.level')}</span>
          <select value={form.level} onChange={set('level')}>
            {(['high', 'medium', 'low'] as const).map((level) => (
              <option key={level} value={level}>
                {t(`information.portal.riskLevels.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('information.officer.reason')}</span>
          <input required maxLength={2000} value={form.reason} onChange={set('reason')} />
        </label>
        <label className="field">
          <span>{t('information.officer.reviewAt')}</span>
          <input required type="datetime-local" value={form.reviewAt} onChange={set('reviewAt')} />
        </label>
        <label className="field">
          <span>{t('information.officer.expiresAt')}</span>
          <input required type="datetime-local" value={form.expiresAt} onChange={set('expiresAt')} />
        </label>
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('information.officer.designate')}
          </button>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <p className="muted">{t('information.officer.noRiskAreas')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="risk-area-table">
            <thead>
              <tr>
                <th>{t('information.officer.jurisdictionCode')}</th>
                <th>{t('information.officer.level')}</th>
                <th>{t('information.officer.reason')}</th>
                <th>{t('information.officer.reviewAt')}</th>
                <th>{t('information.officer.expiresAt')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((area) => (
                <tr key={area.id}>
                  <td>{area.jurisdictionCode}</td>
                  <td>{t(`information.portal.riskLevels.${area.level}`)}</td>
                  <td>{area.reason}</td>
                  <td>
                    {shortTime(area.reviewAt, i18n.language)} {area.reviewDue && <strong className="error">{t('information.officer.reviewDue')}</strong>}
                  </td>
                  <td>{shortTime(area.expiresAt, i18n.language)}</td>
                  <td>
                    {t(`information.officer.statuses.${area.status}`)}{' '}
                    {area.status === 'active' && (
                      <>
                        <button type="button" className="link-button" onClick={() => review(area.id)}>
                          {t('information.officer.review')}
                        </button>{' '}
                        <button type="button" className="link-button" onClick={() => lift(area.id)}>
                          {t('information.officer.lift')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
