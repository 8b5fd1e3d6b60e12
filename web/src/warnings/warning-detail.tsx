import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { useLiveEvents } from '../app/use-live-events.js';
import { act, cancel, fetchDeliveries, fetchHistory, fetchXml, getWarning, reject } from './api.js';
import { ColourBadge } from './colour-badge.js';
import { DeliveryProgress } from './delivery-progress.js';
import { WARNING_EVENTS } from './live.js';
import type { Warning } from './types.js';

/**
 * One warning message: its facts, the actions the state machine allows (the server applies the
 * authority rules and answers 403 with who must act), the CAP XML, delivery progress per channel
 * and every step so far.
 */
export function WarningDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const warning = useAsync(() => getWarning(id), [id]);
  // An approval, rejection, Update or expiry by someone else changes what this page shows and
  // which actions it offers; the reload refetches the XML, history and deliveries with it.
  useLiveEvents(WARNING_EVENTS, () => warning.reload());
  const xml = useAsync(async () => (warning.data ? fetchXml(id, warning.data.identifier ? 'cap' : 'preview') : undefined), [id, warning.data]);
  const history = useAsync(() => fetchHistory(id), [id, warning.data]);
  const deliveries = useAsync(async () => (warning.data?.identifier ? fetchDeliveries(id) : undefined), [id, warning.data]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const format = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const run = async (action: () => Promise<Warning>) => {
    setError(undefined);
    try {
      await action();
      setReason('');
      warning.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const w = warning.data;
  if (!w) return <ErrorMessage error={warning.error} />;
  const can = (action: string) => (w.permittedActions ?? w.allowedActions).includes(action);
  return (
    <section className="warning-detail" aria-labelledby="warning-title">
      <p>
        <a href="#/warnings">{t('warnings.backToList')}</a>
      </p>
      <h1 id="warning-title">
        <ColourBadge colour={w.colour} /> {w.headline}
      </h1>
      <dl className="facts">
        <dt>{t('warnings.state')}</dt>
        <dd data-testid="warning-state">{t(`warnings.states.${w.state}`, { defaultValue: w.state })}</dd>
        <dt>{t('warnings.msgType')}</dt>
        <dd>{t(`warnings.msgTypes.${w.msgType}`, { defaultValue: w.msgType })}</dd>
        <dt>{t('warnings.issuer')}</dt>
        <dd>{w.jurisdictionName ?? w.jurisdictionCode}</dd>
        <dt>{t('warnings.identifier')}</dt>
        <dd data-testid="warning-identifier">{w.identifier ?? '—'}</dd>
        <dt>{t('warnings.drafter')}</dt>
        <dd>{w.createdByName}</dd>
        {w.expiresAt && (
          <>
            <dt>{t('warnings.expires')}</dt>
            <dd>{format(w.expiresAt)}</dd>
          </>
        )}
        {w.capXmlUrl && (
          <>
            <dt>{t('warnings.publicXml')}</dt>
            <dd>
              <a href={w.capXmlUrl} target="_blank" rel="noreferrer">
                {w.capXmlUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      {w.rejectionReason && w.state === 'draft' && (
        <p className="warning" data-testid="rejection-reason">
          {t('warnings.rejectedBecause')}: {w.rejectionReason}
        </p>
      )}
      <div className="row-actions">
        {can('edit') && <a href={`#/warnings/${encodeURIComponent(w.id)}/edit`}>{t('warnings.actions.edit')}</a>}
        {can('publish') && (
          <button type="button" onClick={() => void run(() => act(w.id, 'publish'))} data-testid="action-publish">
            {t('warnings.actions.publish')}
          </button>
        )}
        {can('submit') && (
          <button type="button" onClick={() => void run(() => act(w.id, 'submit'))} data-testid="action-submit">
            {t('warnings.actions.submit')}
          </button>
        )}
        {can('approve') && (
          <button type="button" onClick={() => void run(() => act(w.id, 'approve'))} data-testid="action-approve">
            {t('warnings.actions.approve')}
          </button>
        )}
        {can('update') && <a href={`#/warnings/${encodeURIComponent(w.id)}/update`} data-testid="action-update">{t('warnings.actions.update')}</a>}
      </div>
      {(can('reject') || can('cancel')) && (
        <div className="inline-form">
          <label className="field">
            <span>{t('warnings.reason')}</span>
            <input value={reason} onChange={(event) => setReason(event.target.value)} data-testid="action-reason" />
          </label>
          {can('reject') && (
            <button type="button" onClick={() => void run(() => reject(w.id, reason))} data-testid="action-reject">
              {t('warnings.actions.reject')}
            </button>
          )}
          {can('cancel') && (
            <button type="button" onClick={() => void run(() => cancel(w.id, reason))} data-testid="action-cancel">
              {t('warnings.actions.cancel')}
            </button>
          )}
        </div>
      )}
      <ErrorMessage error={error} />
      {deliveries.data && <DeliveryProgress channels={deliveries.data.channels} />}
      <ErrorMessage error={deliveries.error} />
      <h2>{w.identifier ? t('warnings.capXml') : t('warnings.xmlPreview')}</h2>
      <ErrorMessage error={xml.error} />
      <pre className="cap-xml" data-testid="warning-xml" style={{ maxHeight: '24rem', overflow: 'auto', background: '#f6f8fa', padding: '0.5rem' }}>
        {xml.data}
      </pre>
      <h2>{t('warnings.history')}</h2>
      <ol className="timeline">
        {history.data?.history.map((entry) => (
          <li key={entry.id}>
            {format(entry.at)} · {t(`warnings.steps.${entry.action}`, { defaultValue: entry.action })} · {entry.actorName}
            {typeof entry.detail.reason === 'string' && ` · ${entry.detail.reason}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
