import { useTranslation } from 'react-i18next';

/** The inbox page. */
export function InboxPage() {
  const { t } = useTranslation();
  return <h1>{t('nav.inbox')}</h1>;
}
