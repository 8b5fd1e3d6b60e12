import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JurisdictionSummary } from '../api/types.js';
import { ErrorMessage } from '../app/error-message.js';
import { localName } from '../i18n/index.js';

interface JurisdictionSearchProps {
  search: (q: string) => Promise<JurisdictionSummary[]>;
  onChoose: (unit: JurisdictionSummary) => void;
  label: string;
  autoFocus?: boolean;
  placeholder?: string;
  /** Offer a typed code (2–12 digits) as a choice too: for searches that may find nothing. */
  acceptCode?: boolean;
}

/** A search box over the gazetteer (name or code) with its results as a list of choices. */
export function JurisdictionSearch({ search, onChoose, label, autoFocus, placeholder, acceptCode }: JurisdictionSearchProps) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<JurisdictionSummary[]>([]);
  const [error, setError] = useState<unknown>();
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const text = q.trim();
    if (text.length === 0) {
      setResults([]);
      return;
    }
    let isCurrent = true;
    const timer = window.setTimeout(() => {
      searchRef.current(text).then(
        (items) => isCurrent && (setResults(items), setError(undefined)),
        (failure: unknown) => isCurrent && setError(failure),
      );
    }, 250);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
    // search is recreated by callers on each render; the query alone decides when to search
  }, [q]);

  const choose = (unit: JurisdictionSummary) => {
    onChoose(unit);
    setQ('');
  };
  const typedCode = acceptCode && /^\d{2,12}$/.test(q.trim()) ? q.trim() : undefined;

  return (
    <div className="jurisdiction-search">
      <label className="field">
        <span>{label}</span>
        <input
          type="search"
          value={q}
          autoFocus={autoFocus}
          placeholder={placeholder ?? t('scope.searchPlaceholder')}
          onChange={(event) => setQ(event.target.value)}
        />
      </label>
      <ErrorMessage error={error} />
      <ul className="choice-list">
        {results.map((unit) => (
          <li key={unit.code}>
            <button type="button" data-code={unit.code} onClick={() => choose(unit)}>
              {localName(unit, i18n.language)} <small>{t(`levels.${unit.level}`, { defaultValue: unit.level })} · {unit.code}</small>
            </button>
          </li>
        ))}
        {typedCode && !results.some((unit) => unit.code.startsWith(typedCode)) && (
          <li>
            <button type="button" data-code={typedCode} onClick={() => choose(codeOnly(typedCode))}>
              {t('report.useCode', { code: typedCode })}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}

/** A unit known only by the code the user typed; the server resolves it. */
function codeOnly(code: string): JurisdictionSummary {
  return {
    code,
    shortCode: code,
    parentCode: null,
    nameZh: code,
    nameEn: code,
    level: '',
    depth: 0,
    population: null,
    centroid: null,
    hasBoundary: false,
    childCount: 0,
    status: 'active',
  };
}
