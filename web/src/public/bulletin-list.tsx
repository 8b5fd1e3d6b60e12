import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { fetchPublicBulletins } from './api.js';
import type { PublicBulletin } from './portal-types.js';

/** Published situation bulletins, newest day first, in the interface language. */
export function BulletinList() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<PublicBulletin[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [isLoaded, setIsLoaded] = useState(false);

  const load = (after?: string) =>
    fetchPublicBulletins(after).then(
      (page) => {
        setItems((previous) => (after ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setIsLoaded(true);
      },
      (failure: unknown) => setError(failure),
    );
  useEffect(() => {
    void load();
  }, []);

  const isEnglish = i18n.language === 'en';
  return (
    <>
      <ErrorMessage error={error} />
      {isLoaded && items.length === 0 && <p className="muted">{t('information.portal.noBulletins')}</p>}
      <div data-testid="bulletin-list">
        {items.map((b) => (
          <article key={b.id} className="portal-item bulletin" data-testid="bulletin">
            <h3>{isEnglish ? b.titleEn : b.titleZh}</h3>
            {(isEnglish ? b.textEn : b.textZh).split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </article>
        ))}
      </div>
      {cursor && (
        <button type="button" className="link-button" onClick={() => void load(cursor)}>
          {t('information.portal.loadMore')}
        </button>
      )}
    </>
  );
}
