import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PairingsPanel } from './pairings-panel.js';
import { RequestsPanel } from './requests-panel.js';
import { SuggestionTool } from './suggestion-tool.js';

const TABS = ['pairings', 'suggest', 'requests'] as const;
type Tab = (typeof TABS)[number];

/** The mutual-aid page: pairings on a map, the suggestion tool, the request board. */
export function MutualAidPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('pairings');
  return (
    <div className="mutual-aid-page">
      <h1>{t('mutualAid.title')}</h1>
      <div role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-tab={name} onClick={() => setTab(name)}>
            {t(`mutualAid.tabs.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'pairings' && <PairingsPanel />}
      {tab === 'suggest' && <SuggestionTool />}
      {tab === 'requests' && <RequestsPanel />}
    </div>
  );
}
