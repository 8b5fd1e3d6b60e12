import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { ErrorMessage } from '../app/error-message.js';
import { confirmPublicSubscription, unsubscribePublicSubscription } from './api.js';
import { registerSubscriptionStrings } from './subscription-i18n.js';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; error: unknown };

function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // 404: unknown token, or the subscription is already gone; say so plainly rather than "not found".
  if (isApiError(error) && (error.status === 404 || error.status === 400)) return <p className="error" role="alert" data-testid="subscription-link-invalid">{t('publicSubscriptions.invalidLink')}</p>;
  return <ErrorMessage error={error} />;
}

/**
 * `#/public/subscriptions/confirm?token=…` confirms at once (opening the link is the consent);
 * `#/public/subscriptions/unsubscribe?token=…` asks for a tap first, so a mail scanner that
 * opens links cannot end a subscription.
 */
export function SubscriptionLinkPage({ action, token }: { action: string | undefined; token: string | undefined }) {
  registerSubscriptionStrings();
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async (work: () => Promise<unknown>) => {
    setState({ kind: 'busy' });
    try {
      await work();
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  useEffect(() => {
    // Confirming twice is harmless (the server answers "confirmed" again), so a re-run is fine.
    if (action === 'confirm' && token) void run(() => confirmPublicSubscription(token));
  }, [action, token]);

  if (action !== 'confirm' && action !== 'unsubscribe') return <p className="notice">{t('common.notFound')}</p>;
  const isConfirm = action === 'confirm';
  return (
    <div className="subscription-link-page">
      <h1>{t(isConfirm ? 'publicSubscriptions.confirmTitle' : 'publicSubscriptions.unsubscribeTitle')}</h1>
      <div className="panel">
        {!token && <p className="error" role="alert">{t('publicSubscriptions.missingToken')}</p>}
        {token && isConfirm && state.kind !== 'done' && state.kind !== 'failed' && <p className="muted">{t('publicSubscriptions.confirming')}</p>}
        {token && !isConfirm && state.kind !== 'done' && (
          <>
            <p>{t('publicSubscriptions.unsubscribeIntro')}</p>
            <button type="button" className="primary" disabled={state.kind === 'busy'} onClick={() => void run(() => unsubscribePublicSubscription(token))} data-testid="unsubscribe-button">
              {t('publicSubscriptions.unsubscribeButton')}
            </button>
          </>
        )}
        {state.kind === 'done' && (
          <p className="notice" role="status" data-testid={isConfirm ? 'subscription-confirmed' : 'subscription-unsubscribed'}>
            {t(isConfirm ? 'publicSubscriptions.confirmed' : 'publicSubscriptions.unsubscribed')}
          </p>
        )}
        {state.kind === 'failed' && <Failure error={state.error} />}
        <p>
          <a href="#/public">{t('publicSubscriptions.backHome')}</a>
        </p>
      </div>
    </div>
  );
}
