import { useTranslation } from 'react-i18next';
import type { JurisdictionSummary } from '../api/types.js';
import { localName } from '../i18n/index.js';
import { JurisdictionSearch } from '../jurisdictions/jurisdiction-search.js';

interface JurisdictionPickerProps {
  value: JurisdictionSummary | undefined;
  onChange: (unit: JurisdictionSummary | undefined) => void;
  search: (q: string) => Promise<JurisdictionSummary[]>;
  placeholder?: string;
}

/** The unit where it happened: found by name or code, or typed as a code. */
export function JurisdictionPicker({ value, onChange, search, placeholder }: JurisdictionPickerProps) {
  const { t, i18n } = useTranslation();
  if (value) {
    return (
      <div className="field">
        <span>{t('report.jurisdiction')}</span>
        <p className="chosen" data-testid="chosen-jurisdiction" data-code={value.code}>
          {localName(value, i18n.language)} <small>{value.code}</small>{' '}
          <button type="button" className="link-button" onClick={() => onChange(undefined)}>
            {t('report.change')}
          </button>
        </p>
      </div>
    );
  }
  return <JurisdictionSearch label={t('report.jurisdiction')} search={search} onChoose={onChange} placeholder={placeholder} acceptCode />;
}
