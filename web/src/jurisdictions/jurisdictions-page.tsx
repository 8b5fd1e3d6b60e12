import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { navigate } from '../app/hash-route.js';
import { useSession } from '../app/session.js';
import { useAsync } from '../app/use-async.js';
import { fetchJurisdiction } from './api.js';
import { MapPanel } from './map-panel.js';
import { TreeNode } from './tree-node.js';
import { UnitDetails } from './unit-details.js';

/** The administrative tree of the working scope, the selected unit's details and its map. */
export function JurisdictionsPage({ selectedCode }: { selectedCode: string | undefined }) {
  const { t } = useTranslation();
  const { scope } = useSession();
  const root = useAsync(() => fetchJurisdiction(scope), [scope]);
  const selected = useAsync(() => fetchJurisdiction(selectedCode ?? scope), [selectedCode ?? scope]);
  const current = selectedCode ?? scope;
  const select = (code: string) => navigate('jurisdictions', code);

  // Opening the path lets a deep link (#/jurisdictions/<code>) show where the unit sits.
  const openCodes = useMemo(
    () => new Set([scope, ...(selected.data?.path ?? []).map((entry) => entry.code)]),
    [scope, selected.data],
  );

  return (
    <div className="jurisdictions-page">
      <section className="tree-panel" aria-labelledby="tree-title">
        <h1 id="tree-title">{t('jurisdictions.title')}</h1>
        <ErrorMessage error={root.error} />
        {root.data && (
          <ul className="tree" role="tree" aria-labelledby="tree-title">
            <TreeNode
              key={root.data.code}
              unit={root.data}
              selectedCode={current}
              openCodes={openCodes}
              onSelect={select}
            />
          </ul>
        )}
      </section>
      <div className="detail-panel">
        <ErrorMessage error={selected.error} />
        {selected.data && <UnitDetails unit={selected.data} onSelect={select} />}
        <MapPanel code={current} onSelect={select} />
      </div>
    </div>
  );
}
