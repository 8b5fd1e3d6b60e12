import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { LoadMore } from '../app/load-more.js';
import { SIGNAL_EVENTS, useLiveEvents } from '../app/use-live-events.js';
import { usePagedList } from '../app/use-paged-list.js';
import { fetchQueue } from './api.js';
import { ClusterDetail } from './cluster-detail.js';
import { QUEUE_STATUSES } from './types.js';

/**
 * `#/triage`: candidate events of the working scope, highest priority first, refreshed live as
 * reports and signals arrive; choosing one shows its signals and the verdicts to give.
 */
export function TriagePage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<string>('new');
  const [selectedId, setSelectedId] = useState<string>();
  const queue = usePagedList((cursor) => fetchQueue(status, cursor), [status]);
  // Candidates to merge into: the open queue, whatever tab is shown.
  const openQueue = usePagedList((cursor) => fetchQueue('new', cursor, 200), []);
  useLiveEvents(SIGNAL_EVENTS, () => {
    queue.reload();
    openQueue.reload();
  });
  const format = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="triage-page">
      <section aria-labelledby="triage-title">
        <h1 id="triage-title">{t('triage.title')}</h1>
        <div className="tabs" role="tablist" aria-label={t('triage.status')}>
          {QUEUE_STATUSES.map((value) => (
            <button
              key={value}
              type="button"
              role="tab"
              data-status={value}
              aria-selected={status === value}
              className={status === value ? 'is-active' : undefined}
              onClick={() => setStatus(value)}
            >
              {t(`clusterStatuses.${value}`)}
            </button>
          ))}
        </div>
        <ErrorMessage error={queue.error} />
        <ul className="queue" data-testid="queue" role="tabpanel">
          {queue.items?.map((cluster) => (
            <li key={cluster.id}>
              <button
                type="button"
                className={`queue-item${cluster.id === selectedId ? ' is-selected' : ''}`}
                data-cluster-id={cluster.id}
                onClick={() => setSelectedId(cluster.id)}
              >
                <span className="queue-title">{cluster.title}</span>
                <span className="queue-meta">
                  <span className={`type-tag category-${cluster.category}`}>{t(`eventTypes.${cluster.type}`, { defaultValue: cluster.type })}</span>
                  {cluster.jurisdictionName ?? cluster.jurisdictionCode ?? t('triage.noPlace')} · {t('triage.size', { count: cluster.size })} ·{' '}
                  {t('triage.priority')} {cluster.priority} · {format(cluster.lastAt)}
                </span>
              </button>
            </li>
          ))}
          {queue.items?.length === 0 && <li className="muted">{t('triage.empty')}</li>}
        </ul>
        <LoadMore list={queue} />
      </section>
      <div className="detail-panel">
        {selectedId ? (
          <ClusterDetail
            key={selectedId}
            id={selectedId}
            mergeTargets={(openQueue.items ?? []).filter((cluster) => cluster.id !== selectedId)}
            onDecided={() => {
              queue.reload();
              openQueue.reload();
            }}
          />
        ) : (
          <p className="muted panel">{t('triage.choose')}</p>
        )}
      </div>
    </div>
  );
}
