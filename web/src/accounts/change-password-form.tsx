import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { changeOwnPassword } from './api.js';

/** Changes the logged-in user's own password; the server ends their other sessions. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { refreshUser } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [isDone, setIsDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setIsDone(false);
    try {
      await changeOwnPassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setIsDone(true);
      await refreshUser();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label={t('account.changePassword')}>
      <label className="field">
        <span>{t('account.currentPassword')}</span>
        <input
          type="password"
          required
          autoComplete="current-password"
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('users.newPassword')}</span>
        <input
          type="password"
          required
          autoComplete="new-password"
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
        />
      </label>
      <button type="submit">{t('account.changePassword')}</button>
      <ErrorMessage error={error} />
      {isDone && (
        <p className="notice" role="status">
          {t('account.passwordChanged')}
        </p>
      )}
    </form>
  );
}
