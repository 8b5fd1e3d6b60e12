import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.js';
import { BulletinPanel } from './bulletin-panel.js';
import { RiskAreaPanel } from './risk-area-panel.js';
import { ShelterPanel } from './shelter-panel.js';

const TABS = ['riskAreas', 'bulletins', 'shelters'] as const;
type Tab = (typeof TABS)[number];

/** `#/information`: designate risk areas, approve bulletins, manage shelters in the working scope. */
export function InformationPage() {
  const { t } = useTranslation();
  const { scope } = useSession();
  const [tab, setTab] = useState<Tab>('riskAreas');
  return (
    <div className="information-page">
      <h1>{t('information.officer.title')}</h1>
      <p className="muted">
        {t('information.officer.scope', { code: scope })} · <a href="#/public">{t('information.portal.title')}</a>
      </p>
      <div className="tabs" role="tablist" aria-label={t('information.officer.title')}>
        {TABS.map((value) => (
          <button key={value} type="button" role="tab" aria-selected={tab === value} className={tab === value ? 'is-active' : undefined} onClick={() => setTab(value)}>
            {t(`information.officer.tabs.${value}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'riskAreas' && <RiskAreaPanel scope={scope} />}
        {tab === 'bulletins' && <BulletinPanel scope={scope} />}
        {tab === 'shelters' && <ShelterPanel scope={scope} />}
      </div>
    </div>
  );
}
