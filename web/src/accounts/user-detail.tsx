import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.js';
import { ErrorMessage } from '../app/error-message.js';
import { activateUser, deactivateUser, resetPassword, revokeGrant } from './api.js';
import { GrantForm } from './grant-form.js';
import { TokenPanel } from './token-panel.js';

/** One user's grants, status, password and API tokens. */
export function UserDetail({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [newPassword, setNewPassword] = useState('');

  const run = async (action: () => Promise<unknown>, done?: string) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      if (done) setNotice(done);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    void run(() => resetPassword(user.id, newPassword), t('users.passwordReset')).then(() => setNewPassword(''));
  };

  return (
    <section className="panel user-detail" aria-labelledby="user-detail-title">
      <h2 id="user-detail-title">
        {user.displayName} <small>({user.username})</small>
      </h2>
      <ErrorMessage error={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}

      <h3>{t('users.grants')}</h3>
      <ul className="grant-list">
        {user.grants.map((grant) => (
          <li key={grant.id}>
            <span>
              {t(`roles.${grant.role}`, { defaultValue: grant.role })} — {grant.jurisdictionName || grant.jurisdictionCode}{' '}
              <code>{grant.jurisdictionCode}</code>
              {grant.department ? ` · ${t(`departments.${grant.department}`, { defaultValue: grant.department })}` : ''}
            </span>
            <button type="button" className="danger" onClick={() => void run(() => revokeGrant(user.id, grant.id))}>
              {t('users.revoke')}
            </button>
          </li>
        ))}
        {user.grants.length === 0 && <li>{t('common.none')}</li>}
      </ul>
      <GrantForm userId={user.id} onGranted={onChanged} />

      <h3>{t('users.account')}</h3>
      <div className="row-actions">
        {user.isActive ? (
          <button type="button" className="danger" onClick={() => void run(() => deactivateUser(user.id), t('users.deactivated'))}>
            {t('users.deactivate')}
          </button>
        ) : (
          <button type="button" onClick={() => void run(() => activateUser(user.id), t('users.activated'))}>
            {t('users.activate')}
          </button>
        )}
      </div>
      <form className="inline-form" onSubmit={submitPassword}>
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
        <button type="submit">{t('users.resetPassword')}</button>
      </form>

      <TokenPanel userId={user.id} />
    </section>
  );
}
