import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { fetchPublicAlerts, fetchPublicRiskAreas } from './api.js';
import { BulletinList } from './bulletin-list.js';
import { PortalMap } from './portal-map.js';
import { AlertList, RiskAreaList } from './portal-lists.js';
import { ShelterFinder } from './shelter-finder.js';
import './portal.css';

/** `#/public`: current warnings on a map and in a list, risk areas, bulletins and the shelter finder. */
export function PortalHome() {
  const { t } = useTranslation();
  const alerts = useAsync(fetchPublicAlerts, []);
  const riskAreas = useAsync(fetchPublicRiskAreas, []);
  return (
    <div className="portal-home">
      <div className="portal-wide">
        <h1>{t('information.portal.title')}</h1>
        <p className="muted">{t('information.portal.intro')}</p>
      </div>
      <div className="portal-wide">
        <PortalMap alerts={alerts.data?.alerts} riskAreas={riskAreas.data?.features} />
      </div>
      <section className="panel" aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('information.portal.alertsTitle')}</h2>
        <ErrorMessage error={alerts.error} />
        {alerts.data && <AlertList alerts={alerts.data.alerts} />}
      </section>
      <section className="panel" aria-labelledby="risk-title">
        <h2 id="risk-title">{t('information.portal.riskTitle')}</h2>
        <ErrorMessage error={riskAreas.error} />
        {riskAreas.data && <RiskAreaList features={riskAreas.data.features} />}
      </section>
      <section className="panel" aria-labelledby="shelters-title">
        <h2 id="shelters-title">{t('information.portal.sheltersTitle')}</h2>
        <ShelterFinder />
      </section>
      <section className="panel" aria-labelledby="bulletins-title">
        <h2 id="bulletins-title">{t('information.portal.bulletinsTitle')}</h2>
        <BulletinList />
      </section>
    </div>
  );
}
