import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.js';
import { ErrorMessage } from '../app/error-message.js';
import { LanguageSwitch } from '../app/language-switch.js';
import { logIn } from './api.js';

/** The log-in form; on success hands the user to the shell. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (user: User) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setError(undefined);
    try {
      onLoggedIn(await logIn(username.trim(), password));
    } catch (failure) {
      setError(failure);
      setIsBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-form" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <div className="login-top">
          <h1 id="login-title">{t('app.name')}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('auth.tagline')}</p>
        <label className="field">
          <span>{t('auth.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? t('auth.loggingIn') : t('auth.logIn')}
        </button>
      </form>
    </main>
  );
}
