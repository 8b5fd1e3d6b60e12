import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { fetchRollup } from './api.js';
import { COMMON_FIGURES } from './sitrep-form.js';
import type { Figures } from './types.js';

/** A day's figures rolled up to a unit: its own filing, each child, the total; units not filed stand out. */
export function SitrepRollup({ incidentId, period, defaultCode }: { incidentId: string; period: string; defaultCode: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(defaultCode);
  const [shown, setShown] = useState(defaultCode);
  const rollup = useAsync(() => fetchRollup(incidentId, period, shown), [incidentId, period, shown]);
  const data = rollup.data;
  const keys = data
    ? [...new Set([...COMMON_FIGURES, ...Object.keys(data.total), ...Object.keys(data.own?.figures ?? {}), ...data.children.flatMap((child) => Object.keys(child.figures ?? {}))])]
    : [];
  const cells = (figures: Figures | null | undefined) =>
    keys.map((key) => <td key={key}>{figures && key in figures ? figures[key] : '—'}</td>);

  return (
    <div className="sitrep-rollup">
      <h3>{t('sitreps.rollup')}</h3>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setShown(code.trim());
        }}
      >
        <label className="field">
          <span>{t('sitreps.rollupTo')}</span>
          <input inputMode="numeric" value={code} onChange={(event) => setCode(event.target.value)} />
        </label>
        <button type="submit">{t('sitreps.show')}</button>
      </form>
      <ErrorMessage error={rollup.error} />
      {data && (
        <div className="table-wrap">
          <table className="table" data-testid="rollup">
            <caption className="visually-hidden">{t('sitreps.rollup')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sitreps.unit')}</th>
                <th scope="col">{t('sitreps.source')}</th>
                {keys.map((key) => (
                  <th key={key} scope="col">
                    {t(`figures.${key}`, { defaultValue: key })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="own-row">
                <th scope="row">
                  {data.unit.name} <small>{t('sitreps.own')}</small>
                </th>
                <td>{data.own ? t('sitreps.sources.filed') : t('sitreps.sources.none')}</td>
                {cells(data.own?.figures)}
              </tr>
              {data.children.map((child) => (
                <tr key={child.code} className={child.source === 'none' ? 'not-filed' : undefined} data-code={child.code}>
                  <th scope="row">
                    {child.name} <small>{child.code}</small>
                  </th>
                  <td>{t(`sitreps.sources.${child.source}`)}</td>
                  {cells(child.figures)}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('sitreps.total')}</th>
                <td />
                {cells(data.total)}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {data && data.notFiled.length > 0 && (
        <p className="warning" data-testid="not-filed">
          {t('sitreps.notFiled', { count: data.notFiled.length })}: {data.notFiled.map((unit) => unit.name).join('、')}
        </p>
      )}
    </div>
  );
}
