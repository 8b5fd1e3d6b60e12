import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { INCIDENT_EVENTS, useLiveEvents } from '../app/use-live-events.js';
import { SignalList } from '../signals/signal-list.js';
import { fetchIncident, fetchIncidentSignals, fetchTimeline } from './api.js';
import { LevelControl } from './level-control.js';
import { SitrepPanel } from './sitrep-panel.js';
import { StatusActions } from './status-actions.js';
import { Timeline } from './timeline.js';

/** `#/incidents/<id>`: an incident's facts, status and level, timeline, signals and situation reports. */
export function IncidentDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const incident = useAsync(() => fetchIncident(id), [id]);
  const timeline = useAsync(() => fetchTimeline(id), [id]);
  const signals = useAsync(() => fetchIncidentSignals(id), [id]);
  const reload = () => {
    incident.reload();
    timeline.reload();
  };
  useLiveEvents(INCIDENT_EVENTS, reload);
  const data = incident.data;
  const format = (at: string) => new Date(at).toLocaleString(i18n.language);

  return (
    <div className="incident-detail">
      <p>
        <a href="#/incidents">← {t('incidents.title')}</a>
      </p>
      <ErrorMessage error={incident.error} />
      {data && (
        <>
          <section className="panel" aria-labelledby="incident-title" data-incident-id={data.id}>
            <h1 id="incident-title">
              {data.title} <small>{data.number}</small>
            </h1>
            <dl className="facts">
              <dt>{t('report.type')}</dt>
              <dd>
                {t(`eventTypes.${data.type}`, { defaultValue: data.type })} ({t(`categories.${data.category}`, { defaultValue: data.category })})
              </dd>
              <dt>{t('incidents.status')}</dt>
              <dd data-testid="incident-status">{t(`incidentStatuses.${data.status}`, { defaultValue: data.status })}</dd>
              <dt>{t('incidents.level')}</dt>
              <dd>
                <LevelControl incident={data} onChanged={reload} />
              </dd>
              <dt>{t('report.jurisdiction')}</dt>
              <dd>{data.jurisdictionCode}</dd>
              <dt>{t('triage.point')}</dt>
              <dd>{data.point ? data.point.join(', ') : data.area ? t('incidents.hasArea') : '—'}</dd>
              <dt>{t('incidents.openedAt')}</dt>
              <dd>{format(data.openedAt)}</dd>
              {data.closedAt && (
                <>
                  <dt>{t('incidents.closedAt')}</dt>
                  <dd>{format(data.closedAt)}</dd>
                </>
              )}
              {data.description && (
                <>
                  <dt>{t('report.description')}</dt>
                  <dd>{data.description}</dd>
                </>
              )}
            </dl>
            <StatusActions incident={data} onChanged={reload} />
          </section>
          <div className="incident-columns">
            <section className="panel" aria-labelledby="timeline-title">
              <h2 id="timeline-title">{t('incidents.timeline')}</h2>
              <ErrorMessage error={timeline.error} />
              <Timeline entries={timeline.data?.items ?? []} />
            </section>
            <section className="panel" aria-labelledby="signals-title">
              <h2 id="signals-title">{t('incidents.signals')}</h2>
              <ErrorMessage error={signals.error} />
              <SignalList signals={signals.data?.items ?? []} />
              {signals.data?.items.length === 0 && <p className="muted">{t('common.none')}</p>}
            </section>
          </div>
          <SitrepPanel incident={data} onFiled={timeline.reload} />
        </>
      )}
    </div>
  );
}
