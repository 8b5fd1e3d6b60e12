import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { navigate } from '../app/hash-route.js';
import { AreaMap } from './area-map.js';
import { createWarning, editWarning, startUpdate, validateWarning } from './api.js';
import { fieldsFrom, problemsByField, toContent, type ComposeFields } from './compose-model.js';
import { CATEGORIES, CERTAINTIES, COLOURS, RESPONSE_TYPES, type Problem, type Validation, type Warning } from './types.js';

/** Milliseconds of quiet typing before the content is validated on the server. */
const VALIDATE_AFTER_MS = 400;

export interface ComposeFormProps {
  /** The working scope, the default issuing unit. */
  scope: string;
  /** Edit this draft, or start an Update of this published warning; neither: a new warning. */
  editing?: Warning;
  updating?: Warning;
}

/**
 * Compose a warning: the content's fields, live validation (the server checks the content and
 * the CAP XML it makes against the XSD, debounced while typing; problems show next to their
 * fields) and the CAP XML preview.
 */
export function ComposeForm({ scope, editing, updating }: ComposeFormProps) {
  const { t } = useTranslation();
  const source = editing ?? updating;
  const [fields, setFields] = useState<ComposeFields>(() => fieldsFrom(source?.content ?? null, source?.jurisdictionCode ?? scope));
  const [validation, setValidation] = useState<Validation>();
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);
  const idempotencyKey = useRef(`warning-${crypto.randomUUID()}`);
  const set = <K extends keyof ComposeFields>(key: K, value: ComposeFields[K]) => setFields((current) => ({ ...current, [key]: value }));

  useEffect(() => {
    let isCurrent = true;
    const timer = setTimeout(() => {
      validateWarning(fields.jurisdictionCode, toContent(fields)).then(
        (answer) => isCurrent && setValidation(answer),
        (failure: unknown) => isCurrent && setValidation({ valid: false, problems: [{ path: 'jurisdictionCode', message: failure instanceof Error ? failure.message : String(failure) }], xml: null }),
      );
    }, VALIDATE_AFTER_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [fields]);

  const problems = problemsByField(validation?.problems ?? []);
  const save = async () => {
    setIsSaving(true);
    setError(undefined);
    try {
      const content = toContent(fields);
      const saved = editing ? await editWarning(editing.id, content) : updating ? await startUpdate(updating.id, content) : await createWarning(fields.jurisdictionCode, content, idempotencyKey.current);
      navigate('warnings', saved.id);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  const text = (key: keyof ComposeFields, label: string, options: { multiline?: boolean; type?: string; testId?: string } = {}) => (
    <Field label={label} problems={problems.get(key)}>
      {options.multiline ? (
        <textarea rows={3} value={fields[key] as string} onChange={(event) => set(key, event.target.value as never)} data-testid={options.testId ?? `compose-${key}`} />
      ) : (
        <input type={options.type ?? 'text'} value={fields[key] as string} onChange={(event) => set(key, event.target.value as never)} data-testid={options.testId ?? `compose-${key}`} />
      )}
    </Field>
  );
  const toggle = (key: 'categories' | 'responseTypes', value: string) =>
    set(key, fields[key].includes(value) ? fields[key].filter((v) => v !== value) : [...fields[key], value]);

  return (
    <section className="warning-compose" aria-labelledby="compose-title">
      <h1 id="compose-title">{editing ? t('warnings.editTitle') : updating ? t('warnings.updateTitle') : t('warnings.composeTitle')}</h1>
      <div className="form-grid">
        {!editing && !updating && text('jurisdictionCode', t('warnings.issuer'))}
        <Field label={t('warnings.colour')} problems={problems.get('colour')}>
          <select value={fields.colour} onChange={(event) => set('colour', event.target.value)} data-testid="compose-colour">
            {COLOURS.map((colour) => (
              <option key={colour} value={colour}>
                {t(`warnings.colours.${colour}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('warnings.certainty')} problems={problems.get('certainty')}>
          <select value={fields.certainty} onChange={(event) => set('certainty', event.target.value)}>
            {CERTAINTIES.map((value) => (
              <option key={value} value={value}>
                {t(`warnings.certainties.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        {text('eventZh', t('warnings.eventZh'))}
        {text('eventEn', t('warnings.eventEn'))}
        {text('onset', t('warnings.onset'), { type: 'datetime-local' })}
        {text('expires', t('warnings.expires'), { type: 'datetime-local' })}
      </div>
      <Field label={t('warnings.categories')} problems={problems.get('categories')}>
        <div className="choice-list">
          {CATEGORIES.map((value) => (
            <label key={value}>
              <input type="checkbox" checked={fields.categories.includes(value)} onChange={() => toggle('categories', value)} /> {t(`warnings.categoryNames.${value}`)}
            </label>
          ))}
        </div>
      </Field>
      <Field label={t('warnings.responseTypes')} problems={problems.get('responseTypes')}>
        <div className="choice-list">
          {RESPONSE_TYPES.map((value) => (
            <label key={value}>
              <input type="checkbox" checked={fields.responseTypes.includes(value)} onChange={() => toggle('responseTypes', value)} /> {t(`warnings.responseTypeNames.${value}`)}
            </label>
          ))}
        </div>
      </Field>
      <fieldset className="fieldset">
        <legend>{t('warnings.textZh')}</legend>
        {text('headlineZh', t('warnings.headline'))}
        {text('descriptionZh', t('warnings.description'), { multiline: true })}
        {text('instructionZh', t('warnings.instruction'), { multiline: true })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('warnings.textEn')}</legend>
        {text('headlineEn', t('warnings.headline'))}
        {text('descriptionEn', t('warnings.description'), { multiline: true })}
        {text('instructionEn', t('warnings.instruction'), { multiline: true })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('warnings.areas')}</legend>
        <AreaMap
          jurisdictionCode={editing?.jurisdictionCode ?? updating?.jurisdictionCode ?? fields.jurisdictionCode}
          areaCodes={fields.areaCodes}
          polygons={fields.polygons}
          circles={fields.circles}
          onChange={(patch) => setFields((current) => ({ ...current, ...patch }))}
        />
        {text('areaCodes', t('warnings.areaCodes'))}
        {text('polygons', t('warnings.polygons'), { multiline: true })}
        {text('circles', t('warnings.circles'), { multiline: true })}
        {text('areaDescription', t('warnings.areaDescription'))}
      </fieldset>
      <div className="form-actions">
        <button type="button" onClick={() => void save()} disabled={isSaving} data-testid="compose-save">
          {t('warnings.saveDraft')}
        </button>
        <span className="muted" data-testid="compose-validity">
          {validation === undefined ? t('warnings.validating') : validation.valid ? t('warnings.valid') : t('warnings.problemCount', { count: validation.problems.length })}
        </span>
      </div>
      <ErrorMessage error={error} />
      <h2>{t('warnings.xmlPreview')}</h2>
      <ProblemList problems={problems.get('cap')} />
      <pre className="cap-xml" data-testid="compose-xml" style={{ maxHeight: '24rem', overflow: 'auto', background: '#f6f8fa', padding: '0.5rem' }}>
        {validation?.xml ?? t('warnings.noXmlYet')}
      </pre>
    </section>
  );
}

function ProblemList({ problems }: { problems: Problem[] | undefined }) {
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="error-text" data-testid="field-problems">
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.path}: {problem.message}
        </li>
      ))}
    </ul>
  );
}

function Field({ label, problems, children }: { label: string; problems: Problem[] | undefined; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      <ProblemList problems={problems} />
    </label>
  );
}
