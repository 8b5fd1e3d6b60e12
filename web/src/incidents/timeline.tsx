import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from './types.js';

/** What a timeline entry says, from its kind and detail. */
function describe(entry: TimelineEntry, t: (key: string, values?: Record<string, unknown>) => string): string {
  const detail = entry.detail;
  const status = (value: unknown) => t(`incidentStatuses.${String(value)}`, { defaultValue: String(value) });
  const level = (value: unknown) => t(`levelsIV.${value ? String(value) : 'unassessed'}`, { defaultValue: String(value) });
  switch (entry.kind) {
    case 'opened':
      return t('timeline.opened', { number: detail.number ?? '', status: status(detail.status) });
    case 'status_changed':
      return t('timeline.status_changed', { from: status(detail.from), to: status(detail.to) });
    case 'level_changed':
      return t('timeline.level_changed', { from: level(detail.from), to: level(detail.to) });
    case 'sitrep_filed':
      return t('timeline.sitrep_filed', { code: detail.jurisdictionCode ?? '', period: detail.period ?? '' });
    case 'signal_linked':
      return t('timeline.signal_linked', { count: Array.isArray(detail.signalIds) ? detail.signalIds.length : 1 });
    case 'note':
      return String(detail.text ?? '');
    default:
      return t(`timeline.${entry.kind}`, { defaultValue: entry.kind });
  }
}

/** The incident's timeline, oldest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) => (
        <li key={entry.id} data-kind={entry.kind}>
          <small>{new Date(entry.at).toLocaleString(i18n.language)}</small> <strong>{entry.actorName}</strong>
          <p>{describe(entry, t as (key: string, values?: Record<string, unknown>) => string)}</p>
          {typeof entry.detail.note === 'string' && entry.detail.note && <p className="muted">{entry.detail.note}</p>}
        </li>
      ))}
      {entries.length === 0 && <li className="muted">{t('common.none')}</li>}
    </ol>
  );
}
