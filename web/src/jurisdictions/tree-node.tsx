import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JurisdictionSummary } from '../api/types.js';
import { ErrorMessage } from '../app/error-message.js';
import { localName } from '../i18n/index.js';
import { fetchChildren } from './api.js';

interface TreeNodeProps {
  unit: JurisdictionSummary;
  selectedCode: string;
  /** Codes on the path to the selected unit: these open by themselves. */
  openCodes: ReadonlySet<string>;
  onSelect: (code: string) => void;
  level?: number;
}

/** One unit of the tree; its children load the first time it opens, a page at a time. */
export function TreeNode({ unit, selectedCode, openCodes, onSelect, level = 1 }: TreeNodeProps) {
  const { t, i18n } = useTranslation();
  const [isOpen, setIsOpen] = useState(openCodes.has(unit.code));
  const [children, setChildren] = useState<JurisdictionSummary[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const hasChildren = unit.childCount > 0;

  useEffect(() => {
    if (openCodes.has(unit.code)) setIsOpen(true);
  }, [openCodes, unit.code]);

  const loadPage = async (after: string | null) => {
    setIsLoading(true);
    setError(undefined);
    try {
      const page = await fetchChildren(unit.code, after);
      setChildren((before) => [...(after ? (before ?? []) : []), ...page.items]);
      setCursor(page.nextCursor ?? null);
    } catch (failure) {
      setError(failure);
      setChildren((before) => before ?? []); // no automatic retry loop; the user can reopen
    } finally {
      setIsLoading(false);
    }
  };

  useEffect(() => {
    if (isOpen && hasChildren && children === undefined && !isLoading) void loadPage(null);
    // loadPage is recreated each render; the guard above keeps this to one request
  }, [isOpen, hasChildren, children, isLoading]);

  const isSelected = unit.code === selectedCode;
  return (
    <li
      className="tree-node"
      data-code={unit.code}
      role="treeitem"
      aria-level={level}
      aria-selected={isSelected}
      aria-expanded={hasChildren ? isOpen : undefined}
    >
      <div className={`tree-row${isSelected ? ' is-selected' : ''}`}>
        <button
          type="button"
          className="tree-toggle"
          disabled={!hasChildren}
          aria-label={isOpen ? t('tree.collapse') : t('tree.expand')}
          onClick={() => setIsOpen(!isOpen)}
        >
          {hasChildren ? (isOpen ? '▾' : '▸') : '·'}
        </button>
        <button
          type="button"
          className="tree-label"
          onClick={() => {
            onSelect(unit.code);
            if (hasChildren) setIsOpen(true);
          }}
        >
          {localName(unit, i18n.language)}
          <small>
            {t(`levels.${unit.level}`, { defaultValue: unit.level })}
            {hasChildren ? ` · ${unit.childCount}` : ''}
          </small>
        </button>
      </div>
      {isOpen && hasChildren && (
        <ul role="group">
          {children?.map((child) => (
            <TreeNode
              key={child.code}
              unit={child}
              selectedCode={selectedCode}
              openCodes={openCodes}
              onSelect={onSelect}
              level={level + 1}
            />
          ))}
          {isLoading && <li className="tree-status">{t('common.loading')}</li>}
          {error !== undefined && (
            <li className="tree-status">
              <ErrorMessage error={error} />
            </li>
          )}
          {cursor && !isLoading && (
            <li className="tree-status">
              <button type="button" className="link-button" onClick={() => void loadPage(cursor)}>
                {t('tree.more')}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
