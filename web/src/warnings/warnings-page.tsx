import { useTranslation } from 'react-i18next';

/** The warnings page. */
export function WarningsPage() {
  const { t } = useTranslation();
  return <h1>{t('nav.warnings')}</h1>;
}
