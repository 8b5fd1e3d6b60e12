import { useTranslation } from 'react-i18next';
import { CAPABILITIES } from './capabilities.js';
import { useSession } from './session.js';

/** One entry per capability the user may use; capabilities still to come are greyed out. */
export function NavBar({ current }: { current: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {CAPABILITIES.filter((entry) => entry.isAllowed(user)).map((entry) =>
          entry.isAvailable ? (
            <li key={entry.page}>
              <a
                href={`#/${entry.page}`}
                data-page={entry.page}
                aria-current={current === entry.page ? 'page' : undefined}
              >
                {t(entry.labelKey)}
              </a>
            </li>
          ) : (
            <li key={entry.page}>
              <span className="nav-disabled" aria-disabled="true" title={t('nav.comingLater')}>
                {t(entry.labelKey)}
              </span>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
