import { useTranslation } from 'react-i18next';
import { INTENSITIES } from './types.js';

/** What an officer types for an order's content; issuing and amending share it. */
export interface OrderContentDraft {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  /** One required action per line. */
  actions: string;
  /** One kind of evidence per line. */
  evidence: string;
  maxIntensity: string;
}

/** An instant as a value for <input type="datetime-local">, in local time. */
export function localInputValue(at: Date): string {
  const local = new Date(at);
  local.setMinutes(local.getMinutes() - local.getTimezoneOffset());
  return local.toISOString().slice(0, 16);
}

/** Text with one item per line → the API's bilingual list (Chinese only; English can be added later). */
export const linesToItems = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean).map((zh) => ({ zh }));

/** `titleZh` with prefix `amend` → `amendTitleZh`, so the two forms' fields stay distinct on one page. */
function fieldName(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`;
}

/** Title, body, actions, evidence and the strongest local measure of an order. */
export function OrderContentFields({ value, onChange, namePrefix = '' }: { value: OrderContentDraft; onChange: (next: OrderContentDraft) => void; namePrefix?: string }) {
  const { t } = useTranslation();
  const set = (field: keyof OrderContentDraft) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value });
  const name = (field: keyof OrderContentDraft) => fieldName(namePrefix, field);
  return (
    <>
      <label className="field">
        <span>{t('command.titleZh')}</span>
        <input value={value.titleZh} onChange={set('titleZh')} name={name('titleZh')} required />
      </label>
      <label className="field">
        <span>{t('command.titleEn')}</span>
        <input value={value.titleEn} onChange={set('titleEn')} name={name('titleEn')} />
      </label>
      <label className="field">
        <span>{t('command.bodyZh')}</span>
        <textarea value={value.bodyZh} onChange={set('bodyZh')} name={name('bodyZh')} rows={3} required />
      </label>
      <label className="field">
        <span>{t('command.bodyEn')}</span>
        <textarea value={value.bodyEn} onChange={set('bodyEn')} name={name('bodyEn')} rows={3} />
      </label>
      <label className="field">
        <span>{t('command.actions')}</span>
        <textarea value={value.actions} onChange={set('actions')} name={name('actions')} rows={2} />
      </label>
      <label className="field">
        <span>{t('command.evidence')}</span>
        <textarea value={value.evidence} onChange={set('evidence')} name={name('evidence')} rows={2} />
      </label>
      <label className="field">
        <span>{t('command.maxIntensity')}</span>
        <select value={value.maxIntensity} onChange={set('maxIntensity')} name={name('maxIntensity')}>
          {INTENSITIES.map((intensity) => (
            <option key={intensity} value={intensity}>
              {t(`command.intensities.${intensity}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
