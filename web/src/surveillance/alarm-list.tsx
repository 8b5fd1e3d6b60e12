import { useTranslation } from 'react-i18next';
import type { Alarm } from './types.js';

/** Recent alarms, grouped by jurisdiction, newest first within each. */
export function AlarmList({ alarms }: { alarms: readonly Alarm[] }) {
  const { t } = useTranslation();
  const groups = new Map<string, Alarm[]>();
  for (const alarm of alarms) groups.set(alarm.jurisdictionCode, [...(groups.get(alarm.jurisdictionCode) ?? []), alarm]);
  if (alarms.length === 0) return <p className="muted">{t('surveillance.noAlarms')}</p>;
  return (
    <div className="alarm-list" data-testid="alarm-list">
      {[...groups.entries()].map(([code, items]) => (
        <section key={code} aria-label={items[0]!.jurisdictionName ?? code}>
          <h3>{items[0]!.jurisdictionName ?? code}</h3>
          <ul>
            {items.map((alarm) => (
              <li key={alarm.id} data-alarm-id={alarm.id}>
                {alarm.period} · {t(`eventTypes.${alarm.indicator}`, { defaultValue: alarm.indicator })} · {t('surveillance.observed')} {alarm.observed} &gt;{' '}
                {t('surveillance.upperbound')} {Math.round(alarm.upperbound * 10) / 10} ({alarm.methods.map((m) => t(`surveillance.methodNames.${m}`, { defaultValue: m })).join(', ')}) ·{' '}
                <a href="#/triage">{t('surveillance.inTriage')}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
