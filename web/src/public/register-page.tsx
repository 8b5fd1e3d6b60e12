import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { DECLARED_FIELDS } from '../intake/event-types.js';
import { forgetReporterToken, registeredReporter, storeReporterToken } from '../outbox/reporter-token.js';
import { registerReporter } from './api.js';

/** `#/public/register`: a folk professional registers; the token stays on this device. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ displayName: '', declaredField: 'doctor', phone: '', email: '', jurisdictionCode: '' });
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const [reporter, setReporter] = useState(registeredReporter);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (!form.phone.trim() && !form.email.trim()) {
      setError(new Error(t('public.contactNeeded')));
      return;
    }
    setIsBusy(true);
    try {
      const answer = await registerReporter({
        displayName: form.displayName.trim(),
        declaredField: form.declaredField,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
        ...(form.jurisdictionCode.trim() ? { jurisdictionCode: form.jurisdictionCode.trim() } : {}),
      });
      storeReporterToken(answer.token, answer.id ?? answer.reporterId ?? '', form.displayName.trim());
      setReporter(registeredReporter());
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="register-page">
      <h1>{t('public.registerTitle')}</h1>
      <p className="muted">{t('public.registerIntro')}</p>
      {!reporter && <p className="muted">{t('public.contactNeeded')}</p>}
      {reporter ? (
        <div className="panel">
          <p className="notice" role="status" data-testid="registered-as">
            {t('public.registeredAs', { name: reporter.displayName })}
          </p>
          <a href="#/public/report">{t('public.reportLink')}</a>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              forgetReporterToken();
              setReporter(undefined);
            }}
          >
            {t('public.forget')}
          </button>
        </div>
      ) : (
        <form className="panel form-grid" onSubmit={(event) => void submit(event)} aria-label={t('public.registerTitle')}>
          <label className="field">
            <span>{t('public.displayName')}</span>
            <input required maxLength={100} value={form.displayName} onChange={set('displayName')} />
          </label>
          <label className="field">
            <span>{t('public.declaredField')}</span>
            <select value={form.declaredField} onChange={set('declaredField')}>
              {DECLARED_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {t(`declaredFields.${field}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('public.phone')}</span>
            <input type="tel" autoComplete="tel" value={form.phone} onChange={set('phone')} />
          </label>
          <label className="field">
            <span>{t('public.email')}</span>
            <input type="email" autoComplete="email" value={form.email} onChange={set('email')} />
          </label>
          <label className="field">
            <span>{t('public.jurisdictionCode')}</span>
            <input inputMode="numeric" value={form.jurisdictionCode} onChange={set('jurisdictionCode')} />
          </label>
          <ErrorMessage error={error} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={isBusy}>
              {t('public.register')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
