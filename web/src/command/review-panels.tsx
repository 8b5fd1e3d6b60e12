import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { fetchFlags, fetchInstructions, reviewFlag } from './api.js';

/** Local measures that apply at the selected node or were added below it. */
export function InstructionsPanel({ orderId, node, version }: { orderId: string; node: string; version: number }) {
  const { t, i18n } = useTranslation();
  const state = useAsync(() => fetchInstructions(orderId, node), [orderId, node, version]);
  return (
    <section aria-label={t('command.instructions')}>
      <h2>{t('command.instructions')}</h2>
      <ErrorMessage error={state.error} />
      {state.data?.items.length === 0 && <p className="muted">{t('command.noInstructions')}</p>}
      <ul>
        {state.data?.items.map((item) => (
          <li key={item.id}>
            <small>{item.unitCode}</small> {i18n.language === 'en' && item.text.en ? item.text.en : item.text.zh} · {t(`command.intensities.${item.intensity}`)} ·{' '}
            {t(`command.instructionStatuses.${item.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The issuing unit's review of measures stronger than the order allows. */
export function FlagsPanel({ orderId, version, onChanged }: { orderId: string; version: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const state = useAsync(() => fetchFlags(orderId), [orderId, version]);
  const [error, setError] = useState<unknown>();
  const decide = async (flagId: string, decision: 'upheld' | 'revoked') => {
    setError(undefined);
    try {
      await reviewFlag(orderId, flagId, decision);
      state.reload();
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-label={t('command.flags')} data-testid="flags-panel">
      <h2>{t('command.flags')}</h2>
      <ErrorMessage error={state.error ?? error} />
      {state.data?.items.length === 0 && <p className="muted">{t('command.noFlags')}</p>}
      <ul>
        {state.data?.items.map((flag) => (
          <li key={flag.id}>
            {t('command.flagLine', { unit: flag.unitCode, intensity: t(`command.intensities.${flag.intensity}`), allowed: t(`command.intensities.${flag.allowedIntensity}`) })}{' '}
            <button type="button" onClick={() => void decide(flag.id, 'upheld')}>
              {t('command.uphold')}
            </button>{' '}
            <button type="button" onClick={() => void decide(flag.id, 'revoked')}>
              {t('command.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
