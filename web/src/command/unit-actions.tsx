import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { acknowledge, addInstruction, complete, forward } from './api.js';
import { STATE_COLOURS } from './band-style.js';
import { INTENSITIES, type Order, type Recipient } from './types.js';

/** What an officer of a receiving unit does: acknowledge, forward (manual cascade), add a local measure, report completion. */
export function UnitActions({ order, recipient, onChanged }: { order: Order; recipient: Recipient; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const [evidence, setEvidence] = useState('');
  const [measure, setMeasure] = useState('');
  const [intensity, setIntensity] = useState('advisory');
  const [notice, setNotice] = useState('');
  const isActive = order.status === 'active';
  const isAcknowledged = recipient.acknowledgedRevision === order.revision;

  const run = async (action: () => Promise<unknown>, after?: (value: unknown) => void) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const value = await action();
      after?.(value);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="unit-actions" data-testid="unit-actions" data-code={recipient.unitCode} data-state={recipient.state}>
      <p>
        <span aria-hidden="true" style={{ display: 'inline-block', width: '0.8em', height: '0.8em', borderRadius: '50%', background: STATE_COLOURS[recipient.state], marginRight: '0.4em' }} />
        <strong>{recipient.name ?? recipient.unitCode}</strong> <small>{recipient.unitCode}</small> · <span data-testid="unit-state">{t(`command.states.${recipient.state}`)}</span>
        {(recipient.overdueAcknowledgement || recipient.overdueCompletion) && <strong> · {t('command.overdue')}</strong>}
      </p>
      {recipient.acknowledgedRevision > 0 && !isAcknowledged && recipient.state !== 'completed' && <p className="notice" data-testid="reacknowledge">{t('command.reacknowledge')}</p>}
      {!isAcknowledged && recipient.state !== 'pending' && (
        <button type="button" disabled={isBusy} onClick={() => void run(() => acknowledge(order.id, recipient.unitCode))} data-testid="acknowledge">
          {t('command.acknowledge')}
        </button>
      )}
      {isActive && isAcknowledged && order.cascade === 'manual' && (
        <button type="button" disabled={isBusy} onClick={() => void run(() => forward(order.id, recipient.unitCode))} data-testid="forward">
          {t('command.forward')}
        </button>
      )}
      {isActive && isAcknowledged && recipient.state !== 'completed' && (
        <div className="inline-form">
          <label className="field inline-field">
            <span>{t('command.evidenceText')}</span>
            <input value={evidence} onChange={(event) => setEvidence(event.target.value)} name="evidence" />
          </label>
          <button type="button" disabled={isBusy} onClick={() => void run(() => complete(order.id, recipient.unitCode, evidence))} data-testid="complete">
            {t('command.complete')}
          </button>
        </div>
      )}
      {isActive && isAcknowledged && (
        <div className="inline-form">
          <label className="field inline-field">
            <span>{t('command.instructionText')}</span>
            <input value={measure} onChange={(event) => setMeasure(event.target.value)} name="measure" />
          </label>
          <label className="field inline-field">
            <span>{t('command.intensity')}</span>
            <select value={intensity} onChange={(event) => setIntensity(event.target.value)} name="intensity">
              {INTENSITIES.map((value) => (
                <option key={value} value={value}>
                  {t(`command.intensities.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={isBusy || measure.trim() === ''}
            onClick={() =>
              void run(
                () => addInstruction(order.id, recipient.unitCode, measure, intensity),
                (value) => {
                  setMeasure('');
                  setNotice((value as { flagId: string | null }).flagId ? t('command.underReview') : '');
                },
              )
            }
          >
            {t('command.addInstruction')}
          </button>
        </div>
      )}
      {notice && <p className="notice" role="status">{notice}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
