import { useTranslation } from 'react-i18next';

/** The information page. */
export function InformationPage() {
  const { t } = useTranslation();
  return <h1>{t('nav.information')}</h1>;
}
