import { useTranslation } from 'react-i18next';
import type { InboxItem } from './types.js';

/** The inbox items in the reader's language; unread ones stand out and can be marked read one by one. */
export function InboxList({ items, onMarkRead }: { items: InboxItem[]; onMarkRead: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith('en');
  if (items.length === 0) return <p className="muted">{t('notifications.empty')}</p>;
  return (
    <ul className="inbox-list" data-testid="inbox-list">
      {items.map((item) => (
        <li key={item.id} className={item.readAt === null ? 'unread' : undefined} data-testid="inbox-item">
          <div>
            <strong>{isEnglish ? item.subject.en : item.subject.zh}</strong>{' '}
            <time className="muted" dateTime={item.createdAt}>
              {new Date(item.createdAt).toLocaleString(i18n.language)}
            </time>
          </div>
          <p>{isEnglish ? item.body.en : item.body.zh}</p>
          <div className="inline-form">
            {item.link !== null && <a href={item.link}>{t('notifications.open')}</a>}
            {item.readAt === null && (
              <button type="button" onClick={() => onMarkRead(item.id)}>
                {t('notifications.markRead')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
