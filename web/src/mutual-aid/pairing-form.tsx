import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { createPairing } from './api.js';

export const SUPPORT_KINDS = ['medical_teams', 'medical_supplies', 'living_supplies', 'equipment', 'funding', 'technical_support', 'logistics', 'other'] as const;

/** Pairs two regions (commanders and admins over both; the server decides). */
export function PairingForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [supporter, setSupporter] = useState('');
  const [supported, setSupported] = useState('');
  const [validFrom, setValidFrom] = useState(new Date().toISOString().slice(0, 10));
  const [validTo, setValidTo] = useState('');
  const [supports, setSupports] = useState<string[]>(['medical_teams']);
  const [source, setSource] = useState('');
  const [error, setError] = useState<unknown>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await createPairing({ supporterCode: supporter, supportedCode: supported, validFrom, validTo: validTo || null, supports, status: 'active', source: source || null });
      setSupporter('');
      setSupported('');
      onCreated();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form className="pairing-form" onSubmit={submit}>
      <h3>{t('mutualAid.pairings.new')}</h3>
      <label>
        {t('mutualAid.pairings.supporter')}
        <input name="supporterCode" required value={supporter} onChange={(e) => setSupporter(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.pairings.supported')}
        <input name="supportedCode" required value={supported} onChange={(e) => setSupported(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.pairings.from')}
        <input type="date" required value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
      </label>
      <label>
        {t('mutualAid.pairings.to')}
        <input type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('mutualAid.pairings.supports')}</legend>
        {SUPPORT_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={supports.includes(kind)}
              onChange={(e) => setSupports(e.target.checked ? [...supports, kind] : supports.filter((s) => s !== kind))}
            />
            {t(`mutualAid.supports.${kind}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('mutualAid.pairings.source')}
        <input value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      <button type="submit">{t('mutualAid.pairings.create')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}
