import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../i18n/index.js';
import { fetchJurisdiction, searchUnder } from '../jurisdictions/api.js';
import { JurisdictionSearch } from '../jurisdictions/jurisdiction-search.js';
import { useSession } from './session.js';
import { useAsync } from './use-async.js';

/**
 * Shows the working scope in the header and lets the user change it: one of their granted
 * jurisdictions, or any unit below them found by name or code.
 */
export function ScopeSwitcher() {
  const { t, i18n } = useTranslation();
  const { user, scope, setScope } = useSession();
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const current = useAsync(() => fetchJurisdiction(scope), [scope]);
  const roots = [...new Map(user.grants.map((grant) => [grant.jurisdictionCode, grant])).values()];

  // The panel closes on Escape, on a click elsewhere and when the page changes.
  useEffect(() => {
    if (!isOpen) return;
    const close = () => setIsOpen(false);
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('hashchange', close);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('hashchange', close);
    };
  }, [isOpen]);

  const choose = (code: string) => {
    setScope(code);
    setIsOpen(false);
  };

  const scopeName = current.data ? localName(current.data, i18n.language) : scope;
  return (
    <div className="scope-switcher" ref={container}>
      <button
        type="button"
        className="scope-button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        data-testid="scope-button"
        data-scope={scope}
        onClick={() => setIsOpen(!isOpen)}
      >
        <span className="scope-label">{t('scope.label')}</span> {scopeName} ▾
      </button>
      {isOpen && (
        <div className="scope-panel" id={panelId} role="dialog" aria-label={t('scope.choose')}>
          <h2>{t('scope.granted')}</h2>
          <ul className="choice-list">
            {roots.map((grant) => (
              <li key={grant.jurisdictionCode}>
                <button type="button" onClick={() => choose(grant.jurisdictionCode)}>
                  {grant.jurisdictionName || grant.jurisdictionCode} <small>{grant.jurisdictionCode}</small>
                </button>
              </li>
            ))}
          </ul>
          <JurisdictionSearch
            label={t('scope.search')}
            autoFocus
            search={(q) => searchUnder(q, roots.map((grant) => grant.jurisdictionCode))}
            onChoose={(unit) => choose(unit.code)}
          />
        </div>
      )}
    </div>
  );
}
