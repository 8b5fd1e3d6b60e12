import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { LoadMore } from '../app/load-more.js';
import { useSession } from '../app/session.js';
import { usePagedList } from '../app/use-paged-list.js';
import { useLiveEvents } from '../app/use-live-events.js';
import { listWarnings } from './api.js';
import { ColourBadge } from './colour-badge.js';
import { WARNING_EVENTS } from './live.js';
import { STATES } from './types.js';

/** The warnings of the working scope, newest first, filtered by state; refreshed live. */
export function WarningList() {
  const { t, i18n } = useTranslation();
  const { scope } = useSession();
  const [state, setState] = useState('');
  const list = usePagedList((cursor) => listWarnings(scope, state, cursor), [scope, state]);
  // Another officer's draft, approval or a lapse shows up without reloading the page.
  useLiveEvents(WARNING_EVENTS, () => list.reload());
  const format = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section>
      <div className="section-head">
        <h1>{t('warnings.title')}</h1>
        <label className="field inline-field">
          <span>{t('warnings.state')}</span>
          <select value={state} onChange={(event) => setState(event.target.value)} data-testid="warning-state-filter">
            <option value="">{t('warnings.anyState')}</option>
            {STATES.map((value) => (
              <option key={value} value={value}>
                {t(`warnings.states.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <a className="header-link" href="#/warnings/new" data-testid="new-warning">
          {t('warnings.new')}
        </a>
      </div>
      <ErrorMessage error={list.error} />
      <div className="table-wrap">
        <table className="table" data-testid="warning-list">
          <thead>
            <tr>
              <th scope="col">{t('warnings.colour')}</th>
              <th scope="col">{t('warnings.headline')}</th>
              <th scope="col">{t('warnings.msgType')}</th>
              <th scope="col">{t('warnings.state')}</th>
              <th scope="col">{t('warnings.issuer')}</th>
              <th scope="col">{t('warnings.identifier')}</th>
              <th scope="col">{t('warnings.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items?.map((warning) => (
              <tr key={warning.id} data-warning-id={warning.id}>
                <td>
                  <ColourBadge colour={warning.colour} />
                </td>
                <td>
                  <a href={`#/warnings/${encodeURIComponent(warning.id)}`}>{warning.headline ?? warning.id}</a>
                </td>
                <td>{t(`warnings.msgTypes.${warning.msgType}`, { defaultValue: warning.msgType })}</td>
                <td data-testid="warning-state">{t(`warnings.states.${warning.state}`, { defaultValue: warning.state })}</td>
                <td>{warning.jurisdictionName ?? warning.jurisdictionCode}</td>
                <td>{warning.identifier ?? '—'}</td>
                <td>{format(warning.updatedAt)}</td>
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
    </section>
  );
}
