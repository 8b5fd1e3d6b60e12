import { useTranslation } from 'react-i18next';

/** The command page. */
export function CommandPage() {
  const { t } = useTranslation();
  return <h1>{t('nav.command')}</h1>;
}
