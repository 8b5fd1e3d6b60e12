import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxKind, OutboxResult } from './outbox-types.js';
import { flush, refresh } from './outbox.js';
import { dismissResult } from './results.js';
import { useOutbox } from './use-outbox.js';

/**
 * The outbox of this device: how many submissions wait, the state of each, and the final answers
 * (receipt numbers, or why the server refused) of the latest ones.
 */
export function OutboxPanel({ kinds, renderResult }: { kinds: readonly OutboxKind[]; renderResult?: (result: OutboxResult) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const outbox = useOutbox();
  const items = outbox.items.filter((item) => kinds.includes(item.kind));
  const results = outbox.results.filter((result) => kinds.includes(result.kind));
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' });

  return (
    <section className="panel outbox" aria-labelledby="outbox-title" data-testid="outbox" data-pending={items.length}>
      <div className="section-head">
        <h2 id="outbox-title">{t('outbox.title')}</h2>
        <span className={outbox.isOnline ? 'badge' : 'badge is-offline'} role="status">
          {outbox.isOnline ? t('outbox.online') : t('outbox.offline')}
        </span>
      </div>
      <p data-testid="outbox-pending">{t('outbox.pending', { count: items.length })}</p>
      {items.length > 0 && (
        <ul className="outbox-list">
          {items.map((item) => (
            <li key={item.key} data-key={item.key} data-state={item.state}>
              <strong>{item.label}</strong>{' '}
              <span className="muted">
                {item.state === 'sending'
                  ? t('outbox.sending')
                  : !outbox.isOnline
                    ? t('outbox.waitingOnline')
                    : item.attempts > 0
                      ? t('outbox.retrying', { count: item.attempts, time: time.format(new Date(item.nextAttemptAt)) })
                      : t('outbox.queued')}
                {item.lastError ? ` · ${t(`errors.${item.lastError}`, { defaultValue: item.lastError })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && outbox.isOnline && (
        <button type="button" className="link-button" onClick={() => void flush({ force: true })}>
          {t('outbox.retryNow')}
        </button>
      )}
      {results.length > 0 && (
        <>
          <h3>{t('outbox.results')}</h3>
          <ul className="outbox-list">
            {results.map((result) => (
              <li key={result.key} data-key={result.key} data-ok={result.ok} className={result.ok ? 'is-ok' : 'is-failed'}>
                <strong>{result.label}</strong>{' '}
                {result.ok ? (
                  renderResult ? (
                    renderResult(result)
                  ) : (
                    <span>
                      {t('outbox.receipt')} <code data-testid="receipt-no">{String(result.response?.receiptNo ?? '—')}</code>
                    </span>
                  )
                ) : (
                  <span className="error-text">
                    {t('outbox.refused')}: {t(`errors.${result.error?.code}`, { defaultValue: result.error?.message ?? '' })}
                  </span>
                )}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    dismissResult(result.key);
                    refresh();
                  }}
                >
                  {t('outbox.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
