import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.js';
import { searchUnder } from '../jurisdictions/api.js';
import { LatestResult } from '../outbox/latest-result.js';
import { OutboxPanel } from '../outbox/outbox-panel.js';
import type { OutboxResult } from '../outbox/outbox-types.js';
import { ReportForm } from './report-form.js';

/** What the server answered for a unit's report: receipt, deadline, late or not. */
function ReportResult({ result }: { result: OutboxResult }) {
  const { t, i18n } = useTranslation();
  const answer = result.response ?? {};
  const deadline = typeof answer.deadlineAt === 'string' ? new Date(answer.deadlineAt).toLocaleString(i18n.language) : undefined;
  return (
    <span>
      {t('outbox.receipt')} <code data-testid="receipt-no">{String(answer.receiptNo ?? '—')}</code>
      {deadline && ` · ${t('report.deadline', { time: deadline })}`}
      {answer.isLate === true && <strong className="error-text"> · {t('report.late')}</strong>}
      {answer.placeUnmatched === true && <span className="muted"> · {t('report.placeUnmatched')}</span>}
    </span>
  );
}

/** `#/report`: a logged-in user's report, with this device's outbox beside it. */
export function ReportPage() {
  const { t } = useTranslation();
  const { user, scope } = useSession();
  const roots = [...new Set(user.grants.map((grant) => grant.jurisdictionCode))];
  return (
    <div className="report-page">
      <h1>{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>
      <LatestResult kind="report" render={(result) => <ReportResult result={result} />} />
      <div className="report-layout">
        <ReportForm kind="report" path="/api/v1/reports" search={(q) => searchUnder(q, roots)} contextCode={scope} />
        <OutboxPanel kinds={['report']} renderResult={(result) => <ReportResult result={result} />} />
      </div>
    </div>
  );
}
