import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { useSession } from '../app/session.js';
import { canConfigureSurveillance } from '../app/capabilities.js';
import { detect, fetchAlarms, fetchCatalog, fetchCounts } from './api.js';
import { AlarmList } from './alarm-list.js';
import { MethodsForm } from './methods-form.js';
import { SeriesChart } from './series-chart.js';
import { CUSUM_CHART_WINDOW, type Series } from './types.js';

/**
 * `#/surveillance`: pick a count series of the working scope; its chart (observed, upper bound,
 * alarms) under one of its methods; the scope's recent alarms by jurisdiction; and, for those
 * who may, the methods and parameters the daily detection runs.
 */
export function SurveillancePage() {
  const { t } = useTranslation();
  const { user, scope } = useSession();
  const catalog = useAsync(() => fetchCatalog(scope), [scope]);
  const [selectedId, setSelectedId] = useState<string>();
  const [saved, setSaved] = useState<Series>();
  const selected = saved?.id === selectedId ? saved : catalog.data?.items.find((s) => s.id === selectedId);
  const [method, setMethod] = useState<string>();
  const alarms = useAsync(() => fetchAlarms(scope), [scope]);

  useEffect(() => {
    if (selectedId === undefined && catalog.data?.items[0]) setSelectedId(catalog.data.items[0].id);
  }, [catalog.data, selectedId]);
  useEffect(() => setMethod(selected?.methods[0]?.method ?? 'ears-c1'), [selected?.id]);

  const points = useAsync(async () => {
    if (!selected || !method) return [];
    const config = selected.methods.find((m) => m.method === method);
    let from: string | undefined;
    if (method === 'cusum') {
      const { counts } = await fetchCounts(selected);
      from = counts[Math.max(1, counts.length - CUSUM_CHART_WINDOW)]?.period;
    }
    return detect(selected.id, { method, params: config?.params ?? {}, ...(from ? { from } : {}) });
  }, [selected?.id, method, saved]);

  return (
    <div className="surveillance-page">
      <section aria-labelledby="surveillance-title">
        <h1 id="surveillance-title">{t('surveillance.title')}</h1>
        <ErrorMessage error={catalog.error} />
        <div className="inline-form">
          <label className="field">
            <span>{t('surveillance.series')}</span>
            <select data-testid="series-picker" value={selectedId ?? ''} onChange={(event) => setSelectedId(event.target.value)}>
              {catalog.data?.items.map((series) => (
                <option key={series.id} value={series.id}>
                  {series.jurisdictionName ?? series.jurisdictionCode} · {t(`eventTypes.${series.indicator}`, { defaultValue: series.indicator })} ·{' '}
                  {t(`surveillance.frequencies.${series.frequency}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('surveillance.method')}</span>
            <select value={method ?? ''} onChange={(event) => setMethod(event.target.value)}>
              {(catalog.data?.methods ?? []).map((name) => (
                <option key={name} value={name}>
                  {t(`surveillance.methodNames.${name}`, { defaultValue: name })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {catalog.data?.items.length === 0 && <p className="muted">{t('surveillance.noSeries')}</p>}
        <ErrorMessage error={points.error} />
        {selected && points.data && <SeriesChart points={points.data} />}
      </section>
      <section aria-labelledby="alarms-title">
        <h2 id="alarms-title">{t('surveillance.alarms')}</h2>
        <ErrorMessage error={alarms.error} />
        {alarms.data && <AlarmList alarms={alarms.data.items} />}
      </section>
      {selected && canConfigureSurveillance(user) && (
        <MethodsForm
          key={selected.id}
          series={selected}
          onSaved={(series) => {
            setSaved(series);
            catalog.reload();
          }}
        />
      )}
    </div>
  );
}
