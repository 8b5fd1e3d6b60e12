import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { createRequest } from './api.js';

const KINDS = ['personnel', 'team', 'equipment', 'supply', 'facility'] as const;

/** A datetime-local value read as local time, sent with its zone. */
function toTimestamp(local: string): string {
  return new Date(local).toISOString();
}

/** Raises a request for help from the working scope's unit. */
export function RequestForm({ requesterCode, onCreated }: { requesterCode: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>('team');
  const [type, setType] = useState('');
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const [neededBy, setNeededBy] = useState('');
  const [deliverTo, setDeliverTo] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsSaving(true);
    try {
      await createRequest({
        requesterCode,
        resourceKind: kind,
        resourceType: type === '' ? null : Number(type),
        resourceName: name,
        quantity: Number(quantity),
        unit,
        neededBy: neededBy === '' ? '' : toTimestamp(neededBy),
        deliverTo,
        notes: notes.trim() === '' ? null : notes,
      });
      setName('');
      setQuantity('');
      setNotes('');
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="request-form" onSubmit={submit} data-testid="request-form">
      <h3>{t('mutualAid.requests.new')}</h3>
      <p>
        {t('mutualAid.requests.requester')}: {requesterCode}
      </p>
      <label>
        {t('mutualAid.requests.kind')}
        <select name="resourceKind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`mutualAid.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mutualAid.requests.type')}
        <select name="resourceType" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t('mutualAid.requests.untyped')}</option>
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mutualAid.requests.name')}
        <input name="resourceName" required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.requests.quantity')}
        <input name="quantity" required inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.requests.unit')}
        <input name="unit" required value={unit} onChange={(e) => setUnit(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.requests.neededBy')}
        <input name="neededBy" type="datetime-local" required value={neededBy} onChange={(e) => setNeededBy(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.requests.deliverTo')}
        <input name="deliverTo" required value={deliverTo} onChange={(e) => setDeliverTo(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.requests.notes')}
        <textarea name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <button type="submit" disabled={isSaving} data-testid="submit-request">
        {t('mutualAid.requests.submit')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
