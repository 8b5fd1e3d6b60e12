import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { createPairing, suggest } from './api.js';
import { SUPPORT_KINDS } from './pairing-form.js';
import { DEMO_RECIPIENTS, DEMO_SUPPORTERS, asLines } from './demo-scenario.js';
import type { SuggestedPair, Suggestion } from './types.js';

/** "code,number" per line; a bad line is reported by its number. */
function parseLines(text: string, key: 'capacity' | 'need', badLine: (line: number) => string): { code: string; capacity?: number; need?: number }[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      const [code, value] = line.split(/[,，\s]+/);
      const amount = Number(value);
      if (!code || !Number.isFinite(amount)) throw new Error(badLine(number));
      return { code, [key]: amount };
    });
}

function PairExplanation({ pair, unit }: { pair: SuggestedPair; unit: string }) {
  const { t } = useTranslation();
  return (
    <tr data-testid="suggested-pair" data-supporter={pair.supporterCode} data-recipient={pair.recipientCode}>
      <td>{pair.supporterName}</td>
      <td>{pair.recipientName}</td>
      <td>
        {pair.quantity} {unit}
      </td>
      <td>{Math.round(pair.shareOfNeed * 100)} %</td>
      <td>
        {pair.unitCost.toFixed(1)} <small>({t(`mutualAid.suggest.costFrom.${pair.costSource}`)})</small>
      </td>
      <td>{pair.distanceKm === null ? '—' : `${Math.round(pair.distanceKm)} km`}</td>
      <td>
        {pair.cheaperButFull.length > 0 && <div>{t('mutualAid.suggest.cheaperFull', { codes: pair.cheaperButFull.join(', ') })}</div>}
        <ul className="alternatives">
          {pair.alternatives.map((a) => (
            <li key={a.code}>{t('mutualAid.suggest.extra', { name: a.name, extra: a.extraPerUnit.toFixed(1), spare: a.spareCapacity })}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/** Proposes pairings by optimisation and explains each pair; nothing is stored. */
export function SuggestionTool() {
  const { t } = useTranslation();
  const [supporters, setSupporters] = useState('');
  const [recipients, setRecipients] = useState('');
  const [unit, setUnit] = useState('医疗队');
  const [maxPerRecipient, setMaxPerRecipient] = useState('');
  const [costPerKm, setCostPerKm] = useState('1');
  const [defaultKm, setDefaultKm] = useState('1000');
  const [synthetic, setSynthetic] = useState(false);
  const [result, setResult] = useState<Suggestion>();
  const [error, setError] = useState<unknown>();
  const [isRunning, setIsRunning] = useState(false);
  const [supportKind, setSupportKind] = useState<string>('medical_teams');
  const [proposed, setProposed] = useState<number>();

  /** Saves each suggested pair as a `proposed` pairing from today, for a decider to activate. */
  async function propose(result: Suggestion) {
    setError(undefined);
    setProposed(undefined);
    const validFrom = new Date().toISOString().slice(0, 10);
    let saved = 0;
    try {
      for (const pair of result.pairs) {
        await createPairing({ supporterCode: pair.supporterCode, supportedCode: pair.recipientCode, validFrom, validTo: null, supports: [supportKind], status: 'proposed', source: `${t('mutualAid.tabs.suggest')} ${validFrom}` });
        saved++;
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setProposed(saved);
    }
  }

  function loadDemo() {
    setSupporters(asLines(DEMO_SUPPORTERS));
    setRecipients(asLines(DEMO_RECIPIENTS));
    setSynthetic(true);
  }

  async function run(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsRunning(true);
    try {
      const badLine = (line: number) => t('mutualAid.suggest.badLine', { line });
      setResult(
        await suggest({
          supporters: parseLines(supporters, 'capacity', badLine),
          recipients: parseLines(recipients, 'need', badLine),
          unit,
          synthetic,
          options: {
            costPerKm: Number(costPerKm),
            defaultDistanceKm: Number(defaultKm),
            maxSupportersPerRecipient: maxPerRecipient.trim() === '' ? null : Number(maxPerRecipient),
          },
        }),
      );
    } catch (failure) {
      setResult(undefined);
      setError(failure);
    } finally {
      setIsRunning(false);
    }
  }

  return (
    <section className="suggestions">
      <h2>{t('mutualAid.suggest.heading')}</h2>
      <p>{t('mutualAid.suggest.intro')}</p>
      <button type="button" onClick={loadDemo} data-testid="load-demo-scenario">
        {t('mutualAid.suggest.loadDemo')}
      </button>
      {synthetic && <p className="notice">{t('mutualAid.suggest.syntheticNote')}</p>}
      <form onSubmit={run} className="suggestion-form">
        <label>
          {t('mutualAid.suggest.supporters')}
          <textarea name="supporters" rows={6} value={supporters} onChange={(e) => { setSupporters(e.target.value); setSynthetic(false); }} />
        </label>
        <label>
          {t('mutualAid.suggest.recipients')}
          <textarea name="recipients" rows={6} value={recipients} onChange={(e) => { setRecipients(e.target.value); setSynthetic(false); }} />
        </label>
        <label>
          {t('mutualAid.suggest.unit')}
          <input value={unit} onChange={(e) => setUnit(e.target.value)} />
        </label>
        <label>
          {t('mutualAid.suggest.maxPerRecipient')}
          <input name="maxPerRecipient" inputMode="numeric" value={maxPerRecipient} onChange={(e) => setMaxPerRecipient(e.target.value)} />
        </label>
        <label>
          {t('mutualAid.suggest.costPerKm')}
          <input inputMode="decimal" value={costPerKm} onChange={(e) => setCostPerKm(e.target.value)} />
        </label>
        <label>
          {t('mutualAid.suggest.defaultKm')}
          <input inputMode="decimal" value={defaultKm} onChange={(e) => setDefaultKm(e.target.value)} />
        </label>
        <button type="submit" disabled={isRunning} data-testid="run-suggestion">
          {isRunning ? t('mutualAid.suggest.running') : t('mutualAid.suggest.run')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {result && (
        <div data-testid="suggestion-result">
          <p>
            <strong>{t('mutualAid.suggest.objective', { value: result.objective.toFixed(1) })}</strong>{' '}
            {result.synthetic && <span className="badge">{t('mutualAid.suggest.syntheticBadge')}</span>}{' '}
            {t('mutualAid.suggest.solver', { model: result.solver.model, status: result.solver.status, ms: result.solver.solveMs })}
          </p>
          {result.withoutCentroid.length > 0 && <p>{t('mutualAid.suggest.withoutCentroid', { codes: result.withoutCentroid.join(', ') })}</p>}
          <table>
            <thead>
              <tr>
                <th>{t('mutualAid.pairings.supporter')}</th>
                <th>{t('mutualAid.pairings.supported')}</th>
                <th>{t('mutualAid.suggest.quantity')}</th>
                <th>{t('mutualAid.suggest.share')}</th>
                <th>{t('mutualAid.suggest.unitCost')}</th>
                <th>{t('mutualAid.suggest.distance')}</th>
                <th>{t('mutualAid.suggest.alternatives')}</th>
              </tr>
            </thead>
            <tbody>
              {result.pairs.map((pair) => (
                <PairExplanation key={`${pair.supporterCode}-${pair.recipientCode}`} pair={pair} unit={result.unit} />
              ))}
            </tbody>
          </table>
          <p>
            <label>
              {t('mutualAid.suggest.supportKind')}{' '}
              <select value={supportKind} onChange={(e) => setSupportKind(e.target.value)}>
                {SUPPORT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`mutualAid.supports.${kind}`)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button type="button" data-testid="propose-pairings" onClick={() => propose(result)}>
              {t('mutualAid.suggest.propose')}
            </button>{' '}
            {proposed !== undefined && <span>{t('mutualAid.suggest.proposed', { count: proposed })}</span>}
          </p>
        </div>
      )}
    </section>
  );
}
