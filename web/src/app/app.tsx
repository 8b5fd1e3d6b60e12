import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { UNAUTHORIZED_EVENT } from '../api/client.js';
import type { Meta, User } from '../api/types.js';
import { fetchMe, fetchMeta, logOut } from '../accounts/api.js';
import { LoginPage } from '../accounts/login-page.js';
import { startOutbox } from '../outbox/outbox.js';
import { PublicShell } from '../public/public-shell.js';
import { ErrorMessage } from './error-message.js';
import { useHashRoute } from './hash-route.js';
import { initialScope, SessionContext, storeScope, type Session } from './session.js';
import { Shell } from './shell.js';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'failed'; error: unknown } | { status: 'in'; user: User };

/**
 * The public portal (`#/public/…`) needs no session; everything else goes through log-in. The
 * outbox starts on every page so that queued submissions leave as soon as the network allows.
 */
export function App() {
  const route = useHashRoute();
  useEffect(() => {
    void startOutbox();
  }, []);
  if (route.page === 'public') return <PublicShell route={route} />;
  return <SessionApp />;
}

/** Decides between the log-in page and the shell, and holds the session for the pages. */
function SessionApp() {
  const { t } = useTranslation();
  const [auth, setAuth] = useState<AuthState>({ status: 'loading' });
  const [meta, setMeta] = useState<Meta | null>(null);
  const [scope, setScopeState] = useState('');

  const enter = useCallback((user: User) => {
    setScopeState(initialScope(user));
    setAuth({ status: 'in', user });
    fetchMeta().then(setMeta, () => setMeta(null));
  }, []);

  useEffect(() => {
    fetchMe().then(enter, (error: unknown) =>
      setAuth(isApiError(error) && error.status === 401 ? { status: 'anonymous' } : { status: 'failed', error }),
    );
    const onUnauthorized = () => setAuth({ status: 'anonymous' });
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [enter]);

  const session = useMemo<Session | null>(() => {
    if (auth.status !== 'in') return null;
    return {
      user: auth.user,
      meta,
      scope,
      setScope: (code: string) => {
        storeScope(auth.user, code);
        setScopeState(code);
      },
      refreshUser: async () => {
        const user = await fetchMe();
        setAuth({ status: 'in', user });
      },
      logOut: async () => {
        try {
          await logOut();
        } finally {
          setAuth({ status: 'anonymous' });
          setMeta(null);
        }
      },
    };
  }, [auth, meta, scope]);

  if (auth.status === 'loading') return <p className="splash">{t('common.loading')}</p>;
  if (auth.status === 'failed')
    return (
      <main className="splash">
        <ErrorMessage error={auth.error} />
      </main>
    );
  if (!session) return <LoginPage onLoggedIn={enter} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}
