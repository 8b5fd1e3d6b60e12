import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JurisdictionSummary } from '../api/types.js';
import { localName } from '../i18n/index.js';
import { fetchJurisdiction, searchJurisdictions } from '../jurisdictions/api.js';
import { ErrorMessage } from './error-message.js';
import { useSession } from './session.js';
import { useAsync } from './use-async.js';

/** Searches the gazetteer under each of the user's granted roots and merges the answers. */
async function searchInGrants(q: string, roots: readonly string[]): Promise<JurisdictionSummary[]> {
  const pages = await Promise.all(roots.map((root) => searchJurisdictions(q, root)));
  const seen = new Set<string>();
  return pages
    .flatMap((page) => page.items)
    .filter((unit) => !seen.has(unit.code) && seen.add(unit.code));
}

/**
 * Shows the working scope in the header and lets the user change it: one of their granted
 * jurisdictions, or any unit below them found by name or code.
 */
export function ScopeSwitcher() {
  const { t, i18n } = useTranslation();
  const { user, scope, setScope } = useSession();
  const [isOpen, setIsOpen] = useState(false);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<JurisdictionSummary[]>([]);
  const [error, setError] = useState<unknown>();
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const current = useAsync(() => fetchJurisdiction(scope), [scope]);
  const roots = [...new Map(user.grants.map((grant) => [grant.jurisdictionCode, grant])).values()];

  useEffect(() => {
    const text = q.trim();
    if (!isOpen || text.length === 0) {
      setResults([]);
      return;
    }
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      searchInGrants(
        text,
        roots.map((grant) => grant.jurisdictionCode),
      ).then(
        (items) => isCurrent && (setResults(items), setError(undefined)),
        (failure: unknown) => isCurrent && setError(failure),
      );
    }, 250);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
    // roots derive from user, which only changes on log-in
  }, [q, isOpen, user]);

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
    setQ('');
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
          <label className="field">
            <span>{t('scope.search')}</span>
            <input
              type="search"
              value={q}
              autoFocus
              placeholder={t('scope.searchPlaceholder')}
              onChange={(event) => setQ(event.target.value)}
            />
          </label>
          <ErrorMessage error={error} />
          <ul className="choice-list">
            {results.map((unit) => (
              <li key={unit.code}>
                <button type="button" onClick={() => choose(unit.code)}>
                  {localName(unit, i18n.language)} <small>{t(`levels.${unit.level}`)} · {unit.code}</small>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
