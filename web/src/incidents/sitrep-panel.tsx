import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.js';
import { SitrepForm } from './sitrep-form.js';
import { SitrepRollup } from './sitrep-rollup.js';
import type { Incident } from './types.js';

/** Today as YYYY-MM-DD in local time: situation reports are filed per reporting day. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Situation reports: file one for a unit and a day, and see the day rolled up the tree. */
export function SitrepPanel({ incident, onFiled }: { incident: Incident; onFiled: () => void }) {
  const { t } = useTranslation();
  const { scope } = useSession();
  const [period, setPeriod] = useState(today);
  const [generation, setGeneration] = useState(0);
  return (
    <section className="panel sitreps" aria-labelledby="sitreps-title">
      <div className="section-head">
        <h2 id="sitreps-title">{t('sitreps.title')}</h2>
        <label className="field inline-field">
          <span>{t('sitreps.period')}</span>
          <input type="date" value={period} onChange={(event) => setPeriod(event.target.value || today())} />
        </label>
      </div>
      <div className="incident-columns">
        <SitrepForm
          incidentId={incident.id}
          period={period}
          defaultCode={scope}
          onFiled={() => {
            setGeneration((value) => value + 1);
            onFiled();
          }}
        />
        <SitrepRollup key={generation} incidentId={incident.id} period={period} defaultCode={incident.jurisdictionCode} />
      </div>
    </section>
  );
}
