import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxKind, OutboxResult } from './outbox-types.js';
import { useOutbox } from './use-outbox.js';

/**
 * The answer to the submission made most recently on this page, shown at the top where a phone
 * user sees it (the outbox list sits below the form on small screens).
 */
export function LatestResult({ kind, render }: { kind: OutboxKind; render: (result: OutboxResult) => ReactNode }) {
  const { t } = useTranslation();
  const outbox = useOutbox();
  const [since] = useState(() => new Date().toISOString());
  const latest = outbox.results.find((result) => result.kind === kind && result.at >= since);
  if (!latest) return null;
  return (
    <div className={latest.ok ? 'notice latest-result' : 'error latest-result'} role="status" data-testid="latest-result">
      <strong>{latest.label}</strong>{' '}
      {latest.ok ? render(latest) : `${t('outbox.refused')}: ${t(`errors.${latest.error?.code}`, { defaultValue: latest.error?.message ?? '' })}`}
    </div>
  );
}
