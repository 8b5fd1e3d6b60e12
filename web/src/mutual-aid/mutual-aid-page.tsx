import { useTranslation } from 'react-i18next';

/** The mutual-aid page. */
export function MutualAidPage() {
  const { t } = useTranslation();
  return <h1>{t('nav.mutualAid')}</h1>;
}
