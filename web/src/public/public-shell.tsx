import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/language-switch.js';
import type { Route } from '../app/hash-route.js';
import { PortalHome } from './portal-home.js';
import { PublicReportPage } from './public-report-page.js';
import { ReceiptPage } from './receipt-page.js';
import { RegisterPage } from './register-page.js';
import { SubscribePage } from './subscribe-page.js';
import { SubscriptionLinkPage } from './subscription-link-page.js';
import { registerSubscriptionStrings } from './subscription-i18n.js';

/** The public portal's frame: no log-in, a minimal header; warnings, risk areas, bulletins, shelters, the report form and its receipts. */
export function PublicShell({ route }: { route: Route }) {
  registerSubscriptionStrings();
  const { t } = useTranslation();
  const [section, receiptNo] = route.segments;
  return (
    <div className="shell public-shell">
      <header className="header">
        <a className="brand" href="#/public">
          {t('app.name')}
        </a>
        <span className="public-tag">{t('information.portal.title')}</span>
        {/* Wraps: five entries do not fit one line of a 390 px phone in English. */}
        <div className="header-tools" style={{ flexWrap: 'wrap' }}>
          <a className="header-link" href="#/public">
            {t('information.portal.home')}
          </a>
          <a className="header-link" href="#/public/report">
            {t('public.reportLink')}
          </a>
          <a className="header-link" href="#/public/subscribe" data-testid="subscribe-link">
            {t('publicSubscriptions.navLink')}
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
        {section === 'subscribe' && <SubscribePage />}
        {section === 'subscriptions' && (
          // Keyed: another link opened in the same tab starts from a fresh page, not the last one's outcome.
          <SubscriptionLinkPage key={route.segments[1] + (route.search.get('token') ?? '')} action={route.segments[1]} token={route.search.get('token') ?? undefined} />
        )}
        {section !== undefined && !['report', 'receipt', 'register', 'subscribe', 'subscriptions'].includes(section) && <p className="notice">{t('common.notFound')}</p>}
      </main>
    </div>
  );
}
