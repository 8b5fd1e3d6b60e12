import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { LoadMore } from '../app/load-more.js';
import { useSession } from '../app/session.js';
import { useAsync } from '../app/use-async.js';
import { INCIDENT_EVENTS, useLiveEvents } from '../app/use-live-events.js';
import { usePagedList } from '../app/use-paged-list.js';
import { INCIDENT_STATUSES } from '../intake/event-types.js';
import { fetchCop, listIncidents } from './api.js';
import { CopMap } from './cop-map.js';
import { LevelBadge } from './level-badge.js';

/** `#/incidents`: the common operating picture of the working scope and the incident list, live. */
export function IncidentsPage() {
  const { t, i18n } = useTranslation();
  const { scope } = useSession();
  const [status, setStatus] = useState('');
  const list = usePagedList((cursor) => listIncidents(scope, status, cursor), [scope, status]);
  const cop = useAsync(() => fetchCop(scope), [scope]);
  useLiveEvents(INCIDENT_EVENTS, () => {
    list.reload();
    cop.reload();
  });
  const format = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <div className="incidents-page">
      <div className="section-head">
        <h1>{t('incidents.title')}</h1>
        <label className="field inline-field">
          <span>{t('incidents.status')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value)} data-testid="incident-status-filter">
            <option value="">{t('incidents.anyStatus')}</option>
            {INCIDENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`incidentStatuses.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CopMap scope={scope} picture={cop.data} error={cop.error} />
      <ErrorMessage error={list.error} />
      <div className="table-wrap">
        <table className="table" data-testid="incident-list">
          <thead>
            <tr>
              <th scope="col">{t('incidents.number')}</th>
              <th scope="col">{t('incidents.titleField')}</th>
              <th scope="col">{t('report.type')}</th>
              <th scope="col">{t('incidents.level')}</th>
              <th scope="col">{t('incidents.status')}</th>
              <th scope="col">{t('report.jurisdiction')}</th>
              <th scope="col">{t('incidents.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items?.map((incident) => (
              <tr key={incident.id} data-incident-id={incident.id}>
                <td>
                  <a href={`#/incidents/${encodeURIComponent(incident.id)}`}>{incident.number}</a>
                </td>
                <td>{incident.title}</td>
                <td>{t(`eventTypes.${incident.type}`, { defaultValue: incident.type })}</td>
                <td>
                  <LevelBadge level={incident.level} />
                </td>
                <td>{t(`incidentStatuses.${incident.status}`, { defaultValue: incident.status })}</td>
                <td>{incident.jurisdictionCode}</td>
                <td>{format(incident.updatedAt)}</td>
              </tr>
            ))}
            {list.items?.length === 0 && (
              <tr>
                <td colSpan={7}>{t('common.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </div>
  );
}
