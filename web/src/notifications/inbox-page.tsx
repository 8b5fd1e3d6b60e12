import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { useSession } from '../app/session.js';
import { useLiveEvents } from '../app/use-live-events.js';
import { deleteSubscription, fetchContact, fetchInbox, fetchSubscriptions, markRead } from './api.js';
import { InboxList } from './inbox-list.js';
import { SubscriptionForm } from './subscription-form.js';
import { SubscriptionList } from './subscription-list.js';
import { ContactForm } from './contact-form.js';

/** The live-stream event that says a notification reached someone's inbox (src/notifications/channels/in-app-channel.ts). */
const INBOX_EVENTS = ['notification.inbox'] as const;

/**
 * `#/inbox`: my notifications (live: a new one appears without reloading), my warning
 * subscriptions, and where copies of my notifications go by e-mail and SMS.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { scope } = useSession();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useAsync(() => fetchInbox(unreadOnly), [unreadOnly]);
  const subscriptions = useAsync(() => fetchSubscriptions(), []);
  const contact = useAsync(() => fetchContact(), []);
  const [actionError, setActionError] = useState<unknown>();
  useLiveEvents(INBOX_EVENTS, () => inbox.reload());

  const act = async (work: () => Promise<unknown>, after: () => void) => {
    setActionError(undefined);
    try {
      await work();
      after();
    } catch (failure) {
      setActionError(failure);
    }
  };

  return (
    <div className="inbox-page">
      <section aria-labelledby="inbox-title">
        <h1 id="inbox-title">
          {t('notifications.title')} {inbox.data !== undefined && <span className="badge" data-testid="unread-count">{t('notifications.unread', { count: inbox.data.unread })}</span>}
        </h1>
        <div className="inline-form">
          <label className="checkbox">
            <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />
            {t('notifications.unreadOnly')}
          </label>
          <button type="button" disabled={!inbox.data || inbox.data.unread === 0} onClick={() => void act(() => markRead('all'), inbox.reload)}>
            {t('notifications.markAllRead')}
          </button>
        </div>
        <ErrorMessage error={inbox.error ?? actionError} />
        {inbox.data && <InboxList items={inbox.data.items} onMarkRead={(id) => void act(() => markRead([id]), inbox.reload)} />}
      </section>
      <section aria-labelledby="subscriptions-title">
        <h2 id="subscriptions-title">{t('notifications.subscriptions')}</h2>
        <p className="muted">{t('notifications.subscriptionsHint')}</p>
        <ErrorMessage error={subscriptions.error} />
        {subscriptions.data && <SubscriptionList items={subscriptions.data.items} onRemove={(id) => void act(() => deleteSubscription(id), subscriptions.reload)} />}
        <h3>{t('notifications.newSubscription')}</h3>
        <SubscriptionForm defaultCode={scope} onCreated={subscriptions.reload} />
      </section>
      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('notifications.contact')}</h2>
        <p className="muted">{t('notifications.contactHint')}</p>
        <ErrorMessage error={contact.error} />
        {contact.data && <ContactForm initial={contact.data} />}
      </section>
    </div>
  );
}
