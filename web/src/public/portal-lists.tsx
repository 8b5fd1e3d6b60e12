import { useTranslation } from 'react-i18next';
import { WARNING_COLOURS, NO_COLOUR, RISK_COLOURS } from './portal-map-style.js';
import type { PublicAlert, RiskAreaFeature } from './portal-types.js';

const pick = (text: { zh: string | null; en: string | null }, language: string) => (language === 'en' ? (text.en ?? text.zh) : (text.zh ?? text.en)) ?? '';

export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

/** Current warnings, highest colour first, each with its colour, texts and the link to its CAP XML. */
export function AlertList({ alerts }: { alerts: readonly PublicAlert[] }) {
  const { t, i18n } = useTranslation();
  const rank = (a: PublicAlert) => ['red', 'orange', 'yellow', 'blue'].indexOf(a.colour ?? '') + 1 || 9;
  const sorted = [...alerts].sort((a, b) => rank(a) - rank(b) || (a.sent < b.sent ? 1 : -1));
  if (sorted.length === 0) return <p className="muted" data-testid="no-alerts">{t('information.portal.noAlerts')}</p>;
  return (
    <ul className="portal-list" data-testid="alert-list">
      {sorted.map((alert) => (
        <li key={alert.identifier} className="portal-item" data-identifier={alert.identifier} data-colour={alert.colour ?? 'none'} style={{ borderLeftColor: WARNING_COLOURS[alert.colour ?? ''] ?? NO_COLOUR }}>
          <div className="portal-item-head">
            <span className="portal-badge" style={{ background: WARNING_COLOURS[alert.colour ?? ''] ?? NO_COLOUR }}>{t(`information.portal.colours.${alert.colour ?? 'none'}`)}</span>
            <strong>{pick(alert.headline, i18n.language)}</strong>
          </div>
          <p>{pick(alert.description, i18n.language)}</p>
          {pick(alert.instruction, i18n.language) && (
            <p>
              <em>{t('information.portal.instruction')}:</em> {pick(alert.instruction, i18n.language)}
            </p>
          )}
          <p className="muted small">
            {t('information.portal.sent')} {formatTime(alert.sent, i18n.language)}
            {alert.expires && ` · ${t('information.portal.expires')} ${formatTime(alert.expires, i18n.language)}`}
            {' · '}
            {alert.areas.map((area) => pick(area.areaDesc, i18n.language)).join('、')}
            {' · '}
            <a href={alert.capXmlUrl}>{t('information.portal.capXml')}</a>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Risk areas in force, high first. */
export function RiskAreaList({ features }: { features: readonly RiskAreaFeature[] }) {
  const { t, i18n } = useTranslation();
  const order = { high: 0, medium: 1, low: 2 };
  const sorted = [...features].sort((a, b) => order[a.properties.level] - order[b.properties.level] || a.properties.jurisdictionCode.localeCompare(b.properties.jurisdictionCode));
  if (sorted.length === 0) return <p className="muted" data-testid="no-risk-areas">{t('information.portal.noRiskAreas')}</p>;
  return (
    <ul className="portal-list" data-testid="risk-area-list">
      {sorted.map((f) => (
        <li key={f.id} className="portal-item" data-level={f.properties.level} style={{ borderLeftColor: RISK_COLOURS[f.properties.level] }}>
          <div className="portal-item-head">
            <span className="portal-badge" style={{ background: RISK_COLOURS[f.properties.level] }}>{t(`information.portal.riskLevels.${f.properties.level}`)}</span>
            <strong>{i18n.language === 'en' ? (f.properties.nameEn ?? f.properties.nameZh) : f.properties.nameZh}</strong>
          </div>
          <p>{f.properties.reason}</p>
          <p className="muted small">
            {t('information.portal.riskSince', { from: formatTime(f.properties.startsAt, i18n.language), to: formatTime(f.properties.expiresAt, i18n.language) })}
            {f.geometry === null && ` · ${t('information.portal.noGeometry', { code: f.properties.jurisdictionCode })}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
