import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { amendOrder } from './api.js';
import type { Bilingual, Order } from './types.js';
import { linesToItems, localInputValue, OrderContentFields, type OrderContentDraft } from './order-content-fields.js';

const localValue = (at: string) => localInputValue(new Date(at));

const toLines = (items: readonly Bilingual[]) => items.map((item) => item.zh).join('\n');

/**
 * The issuing unit amends an active order: content, required actions, evidence, deadlines and the
 * strongest local measure, with the reason every receiving unit sees. Lists are sent only when
 * edited (so their English texts survive an amendment of something else); deadlines only when the
 * officer chose to change them — they then apply to every level.
 */
export function AmendForm({ order, onAmended }: { order: Order; onAmended: () => void }) {
  const { t } = useTranslation();
  const firstDeadline = Object.values(order.deadlines)[0];
  const [content, setContent] = useState<OrderContentDraft>({
    titleZh: order.title.zh,
    titleEn: order.title.en ?? '',
    bodyZh: order.body.zh,
    bodyEn: order.body.en ?? '',
    actions: toLines(order.actions),
    evidence: toLines(order.evidenceRequired),
    maxIntensity: order.maxIntensity,
  });
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
        title: { zh: content.titleZh, en: content.titleEn.trim() || null },
        body: { zh: content.bodyZh, en: content.bodyEn.trim() || null },
        ...(content.actions === toLines(order.actions) ? {} : { actions: linesToItems(content.actions) }),
        ...(content.evidence === toLines(order.evidenceRequired) ? {} : { evidenceRequired: linesToItems(content.evidence) }),
        ...(changeDeadlines ? { deadlines: { acknowledgeBy: new Date(acknowledgeBy).toISOString(), completeBy: new Date(completeBy).toISOString() } } : {}),
        ...(content.maxIntensity === order.maxIntensity ? {} : { maxIntensity: content.maxIntensity }),
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
      <OrderContentFields value={content} onChange={setContent} namePrefix="amend" />
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
