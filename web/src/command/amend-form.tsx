import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { amendOrder } from './api.js';
import { INTENSITIES, type Bilingual, type Order } from './types.js';

/** An instant as a value for <input type="datetime-local">, in local time. */
function localValue(at: string): string {
  const date = new Date(at);
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset());
  return date.toISOString().slice(0, 16);
}

const toLines = (items: readonly Bilingual[]) => items.map((item) => item.zh).join('\n');
const fromLines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean).map((zh) => ({ zh }));

/**
 * The issuing unit amends an active order: content, required actions, evidence, deadlines and the
 * strongest local measure, with the reason every receiving unit sees. Lists are sent only when
 * edited (so their English texts survive an amendment of something else); deadlines only when the
 * officer chose to change them — they then apply to every level.
 */
export function AmendForm({ order, onAmended }: { order: Order; onAmended: () => void }) {
  const { t } = useTranslation();
  const firstDeadline = Object.values(order.deadlines)[0];
  const [titleZh, setTitleZh] = useState(order.title.zh);
  const [titleEn, setTitleEn] = useState(order.title.en ?? '');
  const [bodyZh, setBodyZh] = useState(order.body.zh);
  const [bodyEn, setBodyEn] = useState(order.body.en ?? '');
  const [actions, setActions] = useState(toLines(order.actions));
  const [evidence, setEvidence] = useState(toLines(order.evidenceRequired));
  const [maxIntensity, setMaxIntensity] = useState(order.maxIntensity);
  const [changeDeadlines, setChangeDeadlines] = useState(false);
  const [acknowledgeBy, setAcknowledgeBy] = useState(firstDeadline ? localValue(firstDeadline.acknowledgeBy) : '');
  const [completeBy, setCompleteBy] = useState(firstDeadline ? localValue(firstDeadline.completeBy) : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    try {
      await amendOrder(order.id, {
        note,
        title: { zh: titleZh, en: titleEn.trim() || null },
        body: { zh: bodyZh, en: bodyEn.trim() || null },
        ...(actions === toLines(order.actions) ? {} : { actions: fromLines(actions) }),
        ...(evidence === toLines(order.evidenceRequired) ? {} : { evidenceRequired: fromLines(evidence) }),
        ...(changeDeadlines ? { deadlines: { acknowledgeBy: new Date(acknowledgeBy).toISOString(), completeBy: new Date(completeBy).toISOString() } } : {}),
        ...(maxIntensity === order.maxIntensity ? {} : { maxIntensity }),
      });
      setNote('');
      onAmended();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} data-testid="order-amend-form" aria-label={t('command.amend')}>
      <h2>{t('command.amend')}</h2>
      <p className="muted">{t('command.amendHint')}</p>
      <label className="field">
        <span>{t('command.titleZh')}</span>
        <input value={titleZh} onChange={(event) => setTitleZh(event.target.value)} name="amendTitleZh" required />
      </label>
      <label className="field">
        <span>{t('command.titleEn')}</span>
        <input value={titleEn} onChange={(event) => setTitleEn(event.target.value)} name="amendTitleEn" />
      </label>
      <label className="field">
        <span>{t('command.bodyZh')}</span>
        <textarea value={bodyZh} onChange={(event) => setBodyZh(event.target.value)} name="amendBodyZh" required />
      </label>
      <label className="field">
        <span>{t('command.bodyEn')}</span>
        <textarea value={bodyEn} onChange={(event) => setBodyEn(event.target.value)} name="amendBodyEn" />
      </label>
      <label className="field">
        <span>{t('command.actions')}</span>
        <textarea value={actions} onChange={(event) => setActions(event.target.value)} name="amendActions" />
      </label>
      <label className="field">
        <span>{t('command.evidence')}</span>
        <textarea value={evidence} onChange={(event) => setEvidence(event.target.value)} name="amendEvidence" />
      </label>
      <label className="field">
        <span>{t('command.maxIntensity')}</span>
        <select value={maxIntensity} onChange={(event) => setMaxIntensity(event.target.value)} name="amendMaxIntensity">
          {INTENSITIES.map((intensity) => (
            <option key={intensity} value={intensity}>
              {t(`command.intensities.${intensity}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field inline-field">
        <input type="checkbox" checked={changeDeadlines} onChange={(event) => setChangeDeadlines(event.target.checked)} name="amendChangeDeadlines" />
        <span>{t('command.changeDeadlines')}</span>
      </label>
      {changeDeadlines && (
        <>
          <label className="field">
            <span>{t('command.acknowledgeBy')}</span>
            <input type="datetime-local" value={acknowledgeBy} onChange={(event) => setAcknowledgeBy(event.target.value)} name="amendAcknowledgeBy" required />
          </label>
          <label className="field">
            <span>{t('command.completeBy')}</span>
            <input type="datetime-local" value={completeBy} onChange={(event) => setCompleteBy(event.target.value)} name="amendCompleteBy" required />
          </label>
        </>
      )}
      <label className="field">
        <span>{t('command.amendReason')}</span>
        <input value={note} onChange={(event) => setNote(event.target.value)} name="amendNote" required />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={isSaving || note.trim() === ''} data-testid="amend-submit">
        {t('command.amend')}
      </button>
    </form>
  );
}
