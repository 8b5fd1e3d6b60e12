import { useTranslation } from 'react-i18next';

/** The tasks page. */
export function TasksPage() {
  const { t } = useTranslation();
  return <h1>{t('nav.tasks')}</h1>;
}
