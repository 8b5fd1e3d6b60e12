import { useTranslation } from 'react-i18next';
import { ReportForm } from '../intake/report-form.js';
import { LatestResult } from '../outbox/latest-result.js';
import { OutboxPanel } from '../outbox/outbox-panel.js';
import type { OutboxResult } from '../outbox/outbox-types.js';
import { registeredReporter } from '../outbox/reporter-token.js';
import { searchPublicJurisdictions } from './api.js';

/** Receipt number and access code of a public report, with the link to follow it. */
function PublicResult({ result }: { result: OutboxResult }) {
  const { t } = useTranslation();
  const receiptNo = String(result.response?.receiptNo ?? '');
  const code = String(result.response?.accessCode ?? '');
  return (
    <span>
      {t('outbox.receipt')} <code data-testid="receipt-no">{receiptNo}</code> · {t('public.accessCode')}{' '}
      <code data-testid="access-code">{code}</code>{' '}
      <a href={`#/public/receipt/${encodeURIComponent(receiptNo)}?code=${encodeURIComponent(code)}`} data-testid="receipt-link">
        {t('public.follow')}
      </a>
    </span>
  );
}

/** `#/public/report`: anyone may report what they see; no log-in. */
export function PublicReportPage() {
  const { t } = useTranslation();
  const reporter = registeredReporter();
  return (
    <div className="report-page">
      <h1>{t('public.reportTitle')}</h1>
      <p className="muted">{t('public.reportIntro')}</p>
      {reporter && (
        <p className="notice" data-testid="registered-as">
          {t('public.registeredAs', { name: reporter.displayName })}
        </p>
      )}
      <LatestResult kind="public_report" render={(result) => <PublicResult result={result} />} />
      <div className="report-layout">
        <ReportForm
          kind="public_report"
          path="/public/reports"
          search={searchPublicJurisdictions}
          searchPlaceholder={t('public.codePlaceholder')}
        />
        <OutboxPanel kinds={['public_report']} renderResult={(result) => <PublicResult result={result} />} />
      </div>
      <p className="muted">{t('public.keepCode')}</p>
    </div>
  );
}
