import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.js';
import { OrganisationsList } from './organisations-list.js';
import { PeopleList } from './people-list.js';

type Tab = 'organisations' | 'people';

/** Organisations and people of the working scope, one list at a time. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { scope } = useSession();
  const [tab, setTab] = useState<Tab>('organisations');
  return (
    <div className="directory-page">
      <h1>{t('directory.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('directory.title')}>
        {(['organisations', 'people'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={tab === value}
            className={tab === value ? 'is-active' : undefined}
            onClick={() => setTab(value)}
          >
            {t(`directory.${value}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">{tab === 'organisations' ? <OrganisationsList scope={scope} /> : <PeopleList scope={scope} />}</div>
    </div>
  );
}
