import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useHashRoute } from '../app/hash-route.js';
import { LoadMore } from '../app/load-more.js';
import { useSession } from '../app/session.js';
import { useLiveEvents } from '../app/use-live-events.js';
import { usePagedList } from '../app/use-paged-list.js';
import { listOrders } from './api.js';
import { IssueForm } from './issue-form.js';
import { OrderView } from './order-view.js';
import { ORDER_EVENTS } from './types.js';

/** `#/command`: orders issued in or reaching the working scope; `#/command/<id>`: one order. */
export function CommandPage() {
  const route = useHashRoute();
  return route.param ? <OrderView id={route.param} /> : <OrdersOverview />;
}

function OrdersOverview() {
  const { t, i18n } = useTranslation();
  const { scope } = useSession();
  const [isIssuing, setIsIssuing] = useState(false);
  const list = usePagedList((cursor) => listOrders(scope, cursor), [scope]);
  useLiveEvents(ORDER_EVENTS, () => list.reload());
  const format = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const text = (value: { zh: string; en: string | null }) => (i18n.language === 'en' && value.en ? value.en : value.zh);

  return (
    <div className="command-page">
      <div className="section-head">
        <h1>{t('command.title')}</h1>
        <button type="button" onClick={() => setIsIssuing((value) => !value)} data-testid="order-issue-toggle">
          {t('command.issue')}
        </button>
      </div>
      {isIssuing && <IssueForm onIssued={(order) => (window.location.hash = `#/command/${order.id}`)} />}
      <ErrorMessage error={list.error} />
      {list.items?.length === 0 && <p className="muted">{t('command.noOrders')}</p>}
      <div className="table-wrap">
        <table className="table" data-testid="order-list">
          <thead>
            <tr>
              <th scope="col">{t('command.number')}</th>
              <th scope="col">{t('command.titleField')}</th>
              <th scope="col">{t('command.issuer')}</th>
              <th scope="col">{t('command.recipients')}</th>
              <th scope="col">{t('command.status')}</th>
              <th scope="col">{t('command.issuedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items?.map((order) => (
              <tr key={order.id} data-order-id={order.id}>
                <td>
                  <a href={`#/command/${order.id}`}>{order.number}</a>
                </td>
                <td>{text(order.title)}</td>
                <td>{order.issuerCode}</td>
                <td>{order.recipientCount}</td>
                <td>{t(`command.statuses.${order.status}`)}</td>
                <td>{format(order.issuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </div>
  );
}
