import { useTranslation } from 'react-i18next';
import type { Signal } from './types.js';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** The signals of a candidate event: source, text, machine type and severity, place, credibility. */
export function SignalList({ signals }: { signals: Signal[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="signal-list">
      {signals.map((signal) => (
        <li key={signal.id} className={signal.duplicateOf ? 'is-duplicate' : undefined}>
          <div className="message-head">
            <strong>{signal.title || t(`eventTypes.${signal.type}`, { defaultValue: signal.type })}</strong>{' '}
            <small>
              {t(`sourceKinds.${signal.sourceKind}`, { defaultValue: signal.sourceKind })} ·{' '}
              {new Date(signal.observedAt).toLocaleString(i18n.language)}
            </small>
          </div>
          <p lang={signal.language}>{signal.text}</p>
          <p className="muted">
            {t('triage.machineType', {
              type: t(`eventTypes.${signal.type}`, { defaultValue: signal.type }),
              confidence: percent(signal.typeConfidence),
            })}{' '}
            · {t('triage.severity')} {signal.severity}
            {signal.severityWords.length > 0 && ` (${signal.severityWords.join('、')})`} · {t('triage.credibility')}{' '}
            {percent(signal.credibility)} · {signal.jurisdictionCode ?? '—'}
            {!signal.placeMatched && ` · ${t('triage.placeUnmatched')}`}
            {signal.duplicateOf && ` · ${t('triage.duplicate')}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
