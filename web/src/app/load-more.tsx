import { useTranslation } from 'react-i18next';
import type { PagedList } from './use-paged-list.js';

/** The "load more" button under a paged list, or a loading note while a page is on its way. */
export function LoadMore({ list }: { list: PagedList<unknown> }) {
  const { t } = useTranslation();
  if (list.isLoading) return <p className="muted">{t('common.loading')}</p>;
  if (!list.hasMore) return null;
  return (
    <button type="button" className="link-button load-more" onClick={list.loadMore}>
      {t('tree.more')}
    </button>
  );
}
