import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../accounts/change-password-form.js';
import { localName } from '../i18n/index.js';
import { fetchJurisdiction } from '../jurisdictions/api.js';
import { ErrorMessage } from './error-message.js';
import { useSession } from './session.js';
import { useAsync } from './use-async.js';

/** A landing page: who you are, what you may do where, and the scope you are working in. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { user, scope, meta } = useSession();
  const unit = useAsync(() => fetchJurisdiction(scope), [scope]);
  return (
    <section className="overview">
      <h1>{t('overview.title')}</h1>
      <p>{t('overview.welcome', { name: user.displayName || user.username })}</p>
      <div className="cards">
        <article className="card">
          <h2>{t('overview.scope')}</h2>
          <ErrorMessage error={unit.error} />
          {unit.data && (
            <>
              <p className="big">{localName(unit.data, i18n.language)}</p>
              <p>
                {t(`levels.${unit.data.level}`)} · {unit.data.code} · {t('jurisdictions.childCount')}:{' '}
                {unit.data.childCount}
              </p>
              <a href={`#/jurisdictions/${unit.data.code}`}>{t('overview.openInTree')}</a>
            </>
          )}
        </article>
        <article className="card">
          <h2>{t('overview.grants')}</h2>
          <ul>
            {user.grants.map((grant) => (
              <li key={grant.id}>
                {t(`roles.${grant.role}`, { defaultValue: grant.role })} — {grant.jurisdictionName || grant.jurisdictionCode}
                {grant.department ? ` (${t(`departments.${grant.department}`, { defaultValue: grant.department })})` : ''}
              </li>
            ))}
            {user.grants.length === 0 && <li>{t('overview.noGrants')}</li>}
          </ul>
        </article>
        <article className="card">
          <h2>{t('account.title')}</h2>
          <ChangePasswordForm />
        </article>
      </div>
      {meta && <p className="muted">{t('overview.version', { version: meta.version })}</p>}
    </section>
  );
}
