import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.js';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { createUser } from './api.js';

/** Creates a user; roles are granted afterwards, on the user's detail panel. */
export function UserCreateForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t, i18n } = useTranslation();
  const { scope } = useSession();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', homeJurisdictionCode: scope });
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(undefined);
    try {
      onCreated(await createUser({ ...form, locale: i18n.language }));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="panel form-grid" onSubmit={(event) => void submit(event)} aria-label={t('users.create')}>
      <label className="field">
        <span>{t('users.username')}</span>
        <input required autoComplete="off" value={form.username} onChange={set('username')} />
      </label>
      <label className="field">
        <span>{t('users.displayName')}</span>
        <input required value={form.displayName} onChange={set('displayName')} />
      </label>
      <label className="field">
        <span>{t('users.password')}</span>
        <input required type="password" autoComplete="new-password" value={form.password} onChange={set('password')} />
      </label>
      <label className="field">
        <span>{t('users.home')}</span>
        <input required inputMode="numeric" value={form.homeJurisdictionCode} onChange={set('homeJurisdictionCode')} />
      </label>
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isBusy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
