import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../api/types.js';
import { localName } from '../i18n/index.js';

/** Code, names, level, population, child count and the path from the root to the unit. */
export function UnitDetails({ unit, onSelect }: { unit: Jurisdiction; onSelect: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const formatNumber = new Intl.NumberFormat(i18n.language);
  return (
    <section className="unit-details" aria-labelledby="unit-title" data-code={unit.code}>
      <nav className="breadcrumb" aria-label={t('jurisdictions.path')}>
        <ol>
          {unit.path.map((entry) => (
            <li key={entry.code}>
              {entry.code === unit.code ? (
                <span aria-current="location">{localName(entry, i18n.language)}</span>
              ) : (
                <button type="button" className="link-button" onClick={() => onSelect(entry.code)}>
                  {localName(entry, i18n.language)}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h2 id="unit-title">{localName(unit, i18n.language)}</h2>
      <dl className="facts">
        <dt>{t('jurisdictions.code')}</dt>
        <dd>
          <code>{unit.code}</code> ({unit.shortCode})
        </dd>
        <dt>{t('jurisdictions.nameZh')}</dt>
        <dd lang="zh-CN">{unit.nameZh}</dd>
        <dt>{t('jurisdictions.nameEn')}</dt>
        <dd lang="en">{unit.nameEn || '—'}</dd>
        <dt>{t('jurisdictions.level')}</dt>
        <dd>{t(`levels.${unit.level}`, { defaultValue: unit.level })}</dd>
        <dt>{t('jurisdictions.population')}</dt>
        <dd>{unit.population === null || unit.population === undefined ? '—' : formatNumber.format(unit.population)}</dd>
        <dt>{t('jurisdictions.childCount')}</dt>
        <dd>{unit.childCount}</dd>
        <dt>{t('jurisdictions.geometry')}</dt>
        <dd>
          {unit.hasBoundary
            ? t('jurisdictions.hasBoundary')
            : unit.centroid
              ? t('jurisdictions.centroidOnly')
              : t('jurisdictions.noGeometry')}
        </dd>
      </dl>
    </section>
  );
}
