import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { LoadMore } from '../app/load-more.js';
import { usePagedList } from '../app/use-paged-list.js';
import { fetchGaps, gapsCsvUrl } from './api.js';
import type { GapKind } from './types.js';

/** The exact units below the selected node that have not received, acknowledged or completed. */
export function GapList({ orderId, node, version }: { orderId: string; node: string; version: number }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<GapKind>('not_acknowledged');
  const list = usePagedList((cursor) => fetchGaps(orderId, node, kind, cursor), [orderId, node, kind, version]);
  const format = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <section className="gap-list" aria-label={t('command.gaps')}>
      <div className="section-head">
        <h2>{t('command.gaps')}</h2>
        <select value={kind} onChange={(event) => setKind(event.target.value as GapKind)} data-testid="gap-kind">
          {(['not_received', 'not_acknowledged', 'not_completed'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`command.gapKinds.${value}`)}
            </option>
          ))}
        </select>
        <a href={gapsCsvUrl(orderId, node, kind)} download>
          {t('command.downloadCsv')}
        </a>
      </div>
      <ErrorMessage error={list.error} />
      {list.items?.length === 0 && <p className="muted">{t('command.noGaps')}</p>}
      {list.items !== undefined && list.items.length > 0 && (
        <table className="table" data-testid="gap-list">
          <thead>
            <tr>
              <th scope="col">{t('command.unit')}</th>
              <th scope="col">{t('command.level')}</th>
              <th scope="col">{t('command.status')}</th>
              <th scope="col">{t('command.acknowledgeBy')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((unit) => (
              <tr key={unit.unitCode} data-code={unit.unitCode}>
                <td>
                  {unit.name ?? unit.unitCode} <small>{unit.unitCode}</small>
                </td>
                <td>{t(`command.levels.${unit.level}`, { defaultValue: unit.level })}</td>
                <td>
                  {t(`command.states.${unit.state}`)}
                  {(unit.overdueAcknowledgement || unit.overdueCompletion) && <strong> · {t('command.overdue')}</strong>}
                </td>
                <td>{format(unit.acknowledgeBy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} />
    </section>
  );
}
