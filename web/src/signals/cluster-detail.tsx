import { useTranslation } from 'react-i18next';
import { canTriage } from '../app/capabilities.js';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { useAsync } from '../app/use-async.js';
import { fetchCluster } from './api.js';
import { SignalList } from './signal-list.js';
import type { Cluster } from './types.js';
import { VerdictForm } from './verdict-form.js';

/** Verdicts a cluster still takes (src/signals/model.ts ALLOWED). */
const OPEN_VERDICTS: Record<string, readonly string[]> = { new: ['verify', 'reject', 'merge', 'escalate'], verified: ['merge', 'escalate'] };

/** One candidate event: what it is, where, how big, its signals and the verdict form. */
export function ClusterDetail({ id, mergeTargets, onDecided }: { id: string; mergeTargets: Cluster[]; onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const detail = useAsync(() => fetchCluster(id), [id]);
  const cluster = detail.data?.cluster;
  const format = (at: string) => new Date(at).toLocaleString(i18n.language);
  const verdicts = cluster ? (OPEN_VERDICTS[cluster.status] ?? []) : [];

  return (
    <section className="panel cluster-detail" aria-labelledby="cluster-title" data-cluster-id={id}>
      <ErrorMessage error={detail.error} />
      {cluster && (
        <>
          <h2 id="cluster-title">{cluster.title}</h2>
          <dl className="facts">
            <dt>{t('report.type')}</dt>
            <dd>{t(`eventTypes.${cluster.type}`, { defaultValue: cluster.type })}</dd>
            <dt>{t('triage.status')}</dt>
            <dd data-testid="cluster-status">{t(`clusterStatuses.${cluster.status}`, { defaultValue: cluster.status })}</dd>
            <dt>{t('report.jurisdiction')}</dt>
            <dd>{cluster.jurisdictionName ? `${cluster.jurisdictionName} (${cluster.jurisdictionCode})` : (cluster.jurisdictionCode ?? '—')}</dd>
            <dt>{t('triage.point')}</dt>
            <dd>{cluster.point ? cluster.point.join(', ') : '—'}</dd>
            <dt>{t('triage.period')}</dt>
            <dd>
              {format(cluster.firstAt)} – {format(cluster.lastAt)}
            </dd>
            <dt>{t('triage.priority')}</dt>
            <dd>{cluster.priority}</dd>
            {cluster.incidentId && (
              <>
                <dt>{t('incidents.incident')}</dt>
                <dd>
                  <a href={`#/incidents/${encodeURIComponent(cluster.incidentId)}`} data-testid="cluster-incident">
                    {t('incidents.open')}
                  </a>
                </dd>
              </>
            )}
          </dl>
          {canTriage(user) && verdicts.length > 0 && (
            <VerdictForm
              cluster={cluster}
              verdicts={verdicts}
              mergeTargets={mergeTargets}
              onDone={() => {
                detail.reload();
                onDecided();
              }}
            />
          )}
          <h3>{t('triage.signals', { count: detail.data?.signals.length ?? 0 })}</h3>
          <SignalList signals={detail.data?.signals ?? []} />
        </>
      )}
    </section>
  );
}
