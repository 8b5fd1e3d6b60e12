import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/language-switch.js';
import type { Route } from '../app/hash-route.js';
import { PortalHome } from './portal-home.js';
import { PublicReportPage } from './public-report-page.js';
import { ReceiptPage } from './receipt-page.js';
import { RegisterPage } from './register-page.js';

/** The public portal's frame: no log-in, a minimal header; warnings, risk areas, bulletins, shelters, the report form and its receipts. */
export function PublicShell({ route }: { route: Route }) {
  const { t } = useTranslation();
  const [section, receiptNo] = route.segments;
  return (
    <div className="shell public-shell">
      <header className="header">
        <a className="brand" href="#/public">
          {t('app.name')}
        </a>
        <span className="public-tag">{t('information.portal.title')}</span>
        <div className="header-tools">
          <a className="header-link" href="#/public">
            {t('information.portal.home')}
          </a>
          <a className="header-link" href="#/public/report">
            {t('public.reportLink')}
          </a>
          <a className="header-link" href="#/public/register">
            {t('public.registerLink')}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <main className="page">
        {section === undefined && <PortalHome />}
        {section === 'report' && <PublicReportPage />}
        {section === 'receipt' && <ReceiptPage receiptNo={receiptNo} code={route.search.get('code') ?? undefined} />}
        {section === 'register' && <RegisterPage />}
        {section !== undefined && !['report', 'receipt', 'register'].includes(section) && <p className="notice">{t('common.notFound')}</p>}
      </main>
    </div>
  );
}
