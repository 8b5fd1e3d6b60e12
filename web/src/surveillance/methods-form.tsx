import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { setMethods } from './api.js';
import { METHOD_PARAMS, type MethodConfig, type ParamKind, type ParamValue, type Series } from './types.js';

/** Parses one parameter field; an empty field leaves R's default. */
function parseParam(kind: ParamKind, text: string): ParamValue | undefined {
  if (text.trim() === '') return undefined;
  if (kind === 'number') return Number(text);
  // CUSUM's m: a count, or "glm".
  if (kind === 'number-or-string') return Number.isFinite(Number(text)) ? Number(text) : text.trim();
  if (kind === 'boolean') return text === 'true';
  return text.trim();
}

/** The methods the daily detection runs on a series and their parameters (admin, duty officer, analyst). */
export function MethodsForm({ series, onSaved }: { series: Series; onSaved: (series: Series) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<{ method: string; params: Record<string, string> }[]>(() =>
    series.methods.map((m) => ({ method: m.method, params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, String(v)])) })),
  );
  const [error, setError] = useState<unknown>();
  const [isSaved, setIsSaved] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  const update = (index: number, change: Partial<{ method: string; params: Record<string, string> }>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(undefined);
    setIsSaved(false);
    try {
      const methods: MethodConfig[] = rows.map((row) => {
        const kinds = METHOD_PARAMS[row.method] ?? {};
        const params: Record<string, ParamValue> = {};
        for (const [name, kind] of Object.entries(kinds)) {
          const value = parseParam(kind, row.params[name] ?? '');
          if (value !== undefined) params[name] = value;
        }
        return { method: row.method, params };
      });
      onSaved(await setMethods(series.id, methods));
      setIsSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form className="methods-form" onSubmit={(event) => void submit(event)} aria-label={t('surveillance.methods')}>
      <h2>{t('surveillance.methods')}</h2>
      {rows.map((row, index) => (
        <fieldset key={index} className="method-row" data-method={row.method}>
          <label className="field">
            <span>{t('surveillance.method')}</span>
            <select value={row.method} onChange={(event) => update(index, { method: event.target.value, params: {} })}>
              {Object.keys(METHOD_PARAMS).map((method) => (
                <option key={method} value={method}>
                  {t(`surveillance.methodNames.${method}`, { defaultValue: method })}
                </option>
              ))}
            </select>
          </label>
          <div className="form-grid">
            {Object.entries(METHOD_PARAMS[row.method] ?? {}).map(([name, kind]) => (
              <label key={name} className="field">
                <span>{name}</span>
                {kind === 'boolean' ? (
                  <select value={row.params[name] ?? ''} onChange={(event) => update(index, { params: { ...row.params, [name]: event.target.value } })}>
                    <option value="">{t('surveillance.default')}</option>
                    <option value="true">true</option>
                    <option value="false">false</option>
                  </select>
                ) : (
                  <input
                    name={`${row.method}-${name}`}
                    inputMode={kind === 'number' ? 'decimal' : undefined}
                    placeholder={t('surveillance.default')}
                    value={row.params[name] ?? ''}
                    onChange={(event) => update(index, { params: { ...row.params, [name]: event.target.value } })}
                  />
                )}
              </label>
            ))}
          </div>
          <button type="button" className="link-button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
            {t('surveillance.removeMethod')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows([...rows, { method: 'ears-c1', params: {} }])}>
        {t('surveillance.addMethod')}
      </button>
      <ErrorMessage error={error} />
      {isSaved && (
        <p className="notice" role="status">
          {t('surveillance.saved')}
        </p>
      )}
      <button type="submit" className="primary" disabled={isBusy}>
        {t('surveillance.save')}
      </button>
    </form>
  );
}
