import { useTranslation } from 'react-i18next';
import { UsersPage } from '../accounts/users-page.js';
import { DirectoryPage } from '../directory/directory-page.js';
import { IncidentDetailPage } from '../incidents/incident-detail-page.js';
import { IncidentsPage } from '../incidents/incidents-page.js';
import { ReportPage } from '../intake/report-page.js';
import { TriagePage } from '../signals/triage-page.js';
import { SurveillancePage } from '../surveillance/surveillance-page.js';
import { JurisdictionsPage } from '../jurisdictions/jurisdictions-page.js';
import { WarningsPage } from '../warnings/warnings-page.js';
import { InformationPage } from '../information/information-page.js';
import { CommandPage } from '../command/command-page.js';
import { TasksPage } from '../tasks/tasks-page.js';
import { MutualAidPage } from '../mutual-aid/mutual-aid-page.js';
import { InboxPage } from '../notifications/inbox-page.js';
import { CAPABILITIES } from './capabilities.js';
import { useHashRoute } from './hash-route.js';
import { LanguageSwitch } from './language-switch.js';
import { NavBar } from './nav-bar.js';
import { OverviewPage } from './overview-page.js';
import { ScopeSwitcher } from './scope-switcher.js';
import { useSession } from './session.js';

/** The frame around every page once logged in: header, navigation, the current page. */
export function Shell() {
  const { t } = useTranslation();
  const { user, logOut } = useSession();
  const route = useHashRoute();
  const capability = CAPABILITIES.find((entry) => entry.page === route.page);
  const isAllowed = !!capability && capability.isAvailable && capability.isAllowed(user);

  return (
    <div className="shell">
      <header className="header">
        <a className="brand" href="#/overview">
          {t('app.name')}
        </a>
        <ScopeSwitcher />
        <div className="header-tools">
          <LanguageSwitch />
          <span className="who" title={user.username}>
            {user.displayName || user.username}
          </span>
          <button type="button" className="link-button" onClick={() => void logOut()}>
            {t('auth.logOut')}
          </button>
        </div>
      </header>
      <NavBar current={route.page} />
      <main className="page">
        {user.mustChangePassword && (
          <p className="notice" role="status">
            {t('account.mustChange')} <a href="#/overview">{t('account.changePassword')}</a>
          </p>
        )}
        {!isAllowed && <p className="notice">{t('common.notFound')}</p>}
        {isAllowed && route.page === 'overview' && <OverviewPage />}
        {isAllowed && route.page === 'jurisdictions' && <JurisdictionsPage selectedCode={route.param} />}
        {isAllowed && route.page === 'directory' && <DirectoryPage />}
        {isAllowed && route.page === 'users' && <UsersPage />}
        {isAllowed && route.page === 'report' && <ReportPage />}
        {isAllowed && route.page === 'triage' && <TriagePage />}
        {isAllowed && route.page === 'surveillance' && <SurveillancePage />}
        {isAllowed && route.page === 'warnings' && <WarningsPage />}
        {isAllowed && route.page === 'information' && <InformationPage />}
        {isAllowed && route.page === 'command' && <CommandPage />}
        {isAllowed && route.page === 'tasks' && <TasksPage />}
        {isAllowed && route.page === 'mutual-aid' && <MutualAidPage />}
        {isAllowed && route.page === 'inbox' && <InboxPage />}
        {isAllowed && route.page === 'incidents' && !route.param && <IncidentsPage />}
        {isAllowed && route.page === 'incidents' && route.param && <IncidentDetailPage id={route.param} />}
      </main>
    </div>
  );
}
