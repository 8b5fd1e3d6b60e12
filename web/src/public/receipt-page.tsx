import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { navigate } from '../app/hash-route.js';
import { useAsync } from '../app/use-async.js';
import { enqueue } from '../outbox/outbox.js';
import { useOutbox } from '../outbox/use-outbox.js';
import { fetchPublicReport } from './api.js';

/** Asks for the receipt number and access code when the link did not carry them. */
function LookupForm({ receiptNo }: { receiptNo: string | undefined }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(receiptNo ?? '');
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.location.hash = `#/public/receipt/${encodeURIComponent(number.trim())}?code=${encodeURIComponent(code.trim())}`;
  };
  return (
    <form className="panel inline-form" onSubmit={submit} aria-label={t('public.lookup')}>
      <label className="field">
        <span>{t('public.receiptNo')}</span>
        <input required value={number} onChange={(event) => setNumber(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('public.accessCode')}</span>
        <input required value={code} onChange={(event) => setCode(event.target.value)} />
      </label>
      <button type="submit" className="primary">
        {t('public.lookup')}
      </button>
    </form>
  );
}

/** `#/public/receipt/<receiptNo>?code=…`: a public report's status and its message thread. */
export function ReceiptPage({ receiptNo, code }: { receiptNo: string | undefined; code: string | undefined }) {
  const { t, i18n } = useTranslation();
  const report = useAsync(
    () => (receiptNo && code ? fetchPublicReport(receiptNo, code) : Promise.resolve(undefined)),
    [receiptNo, code],
  );
  const outbox = useOutbox();
  const [body, setBody] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  // The access code rides in the query string; the body is the message alone.
  const path = receiptNo && code ? `/public/reports/${encodeURIComponent(receiptNo)}/messages?code=${encodeURIComponent(code)}` : '';
  const pending = outbox.items.filter((item) => item.kind === 'public_message' && item.path === path);
  const sentCount = outbox.results.filter((result) => result.kind === 'public_message').length;
  const seen = useRef(sentCount);

  // A follow-up the outbox has delivered: show it in the thread.
  useEffect(() => {
    if (sentCount !== seen.current) {
      seen.current = sentCount;
      report.reload();
    }
  }, [sentCount]);

  if (!receiptNo || !code) return <LookupForm receiptNo={receiptNo} />;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setIsBusy(true);
    try {
      await enqueue('public_message', path, { body: body.trim() }, t('public.followUp', { receiptNo }));
      setBody('');
    } finally {
      setIsBusy(false);
    }
  };
  const format = (at: string) => new Date(at).toLocaleString(i18n.language);

  return (
    <div className="receipt-page">
      <h1>
        {t('public.receiptTitle')} <code data-testid="receipt-title">{receiptNo}</code>
      </h1>
      <ErrorMessage error={report.error} />
      {report.error !== undefined && (
        <button type="button" className="link-button" onClick={() => navigate('public', 'receipt')}>
          {t('public.lookup')}
        </button>
      )}
      {report.data && (
        <section className="panel">
          <dl className="facts">
            <dt>{t('public.status')}</dt>
            <dd data-testid="report-status" data-status={report.data.status}>
              {t(`reportStatuses.${report.data.status}`, { defaultValue: report.data.status })}
            </dd>
            <dt>{t('report.type')}</dt>
            <dd>{t(`eventTypes.${report.data.type}`, { defaultValue: report.data.type })}</dd>
            <dt>{t('public.reportedAt')}</dt>
            <dd>{format(report.data.reportedAt)}</dd>
            {report.data.placeUnmatched && (
              <>
                <dt>{t('report.place')}</dt>
                <dd>{t('report.placeUnmatched')}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      <section className="panel" aria-labelledby="thread-title">
        <h2 id="thread-title">{t('public.thread')}</h2>
        <ol className="thread" data-testid="thread">
          {report.data?.messages.map((message) => (
            <li key={message.id} className={`message from-${message.authorKind}`}>
              <div className="message-head">
                <strong>{message.authorKind === 'officer' && message.authorName ? message.authorName : t(`public.author.${message.authorKind}`)}</strong> <small>{format(message.createdAt)}</small>
              </div>
              <p>{message.body}</p>
            </li>
          ))}
          {pending.map((item) => (
            <li key={item.key} className="message from-reporter is-pending">
              <div className="message-head">
                <strong>{t('public.author.reporter')}</strong> <small>{t('outbox.sending')}</small>
              </div>
              <p>{String((item.body as { body?: string }).body ?? '')}</p>
            </li>
          ))}
          {report.data && report.data.messages.length === 0 && pending.length === 0 && <li className="muted">{t('public.noMessages')}</li>}
        </ol>
        <form onSubmit={(event) => void send(event)} aria-label={t('public.addMessage')}>
          <label className="field">
            <span>{t('public.addMessage')}</span>
            <textarea rows={3} maxLength={4000} value={body} onChange={(event) => setBody(event.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={isBusy || !body.trim()}>
            {t('public.send')}
          </button>
        </form>
      </section>
    </div>
  );
}
