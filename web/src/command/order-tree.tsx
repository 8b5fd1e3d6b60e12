import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { fetchRollup } from './api.js';
import { BAND_COLOURS } from './band-style.js';
import type { NodeRollup } from './types.js';

interface TreeProps {
  orderId: string;
  /** Changes whenever the order changed: open rows reload their children. */
  version: number;
  root: NodeRollup;
  rootChildren: NodeRollup[];
  /** Above 1 the order was amended (or withdrawn): received units that have not acknowledged it again are shown. */
  revision: number;
  selected: string;
  onSelect: (code: string) => void;
}

/** The cascade as a tree, each unit coloured by how far the units below it have got. */
export function OrderTree({ orderId, version, root, rootChildren, revision, selected, onSelect }: TreeProps) {
  const { t } = useTranslation();
  return (
    <section className="order-tree" aria-label={t('command.tree')}>
      <h2>{t('command.tree')}</h2>
      <ul role="tree" className="tree" data-testid="order-tree">
        <TreeRow orderId={orderId} version={version} revision={revision} node={root} initialChildren={rootChildren} selected={selected} onSelect={onSelect} level={1} />
      </ul>
    </section>
  );
}

interface RowProps {
  orderId: string;
  version: number;
  revision: number;
  node: NodeRollup;
  initialChildren?: NodeRollup[];
  selected: string;
  onSelect: (code: string) => void;
  level: number;
}

function TreeRow({ orderId, version, revision, node, initialChildren, selected, onSelect, level }: RowProps) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(initialChildren !== undefined);
  const [children, setChildren] = useState<NodeRollup[] | undefined>(initialChildren);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const hasChildren = node.counts.targeted > (node.ownState === null ? 0 : 1);
  // After an amendment the acknowledged counts restart: every received unit not yet acknowledged again must re-acknowledge.
  const mustReacknowledge = revision > 1 ? node.counts.received - node.counts.acknowledged : 0;

  const load = async (after: string | null) => {
    setError(undefined);
    try {
      const page = await fetchRollup(orderId, node.code, after);
      setChildren((before) => [...(after ? (before ?? []) : []), ...page.children]);
      setCursor(page.nextCursor);
    } catch (failure) {
      setError(failure);
    }
  };

  // The root's children come with the roll-up; other open rows fetch theirs again when the order changes.
  useEffect(() => {
    if (initialChildren !== undefined) setChildren(initialChildren);
  }, [initialChildren]);
  useEffect(() => {
    if (initialChildren === undefined && isOpen) void load(null);
    // load is recreated each render; only a new version should refetch
  }, [version]);

  const toggle = () => {
    if (!isOpen && children === undefined) void load(null);
    setIsOpen(!isOpen);
  };

  return (
    <li role="treeitem" aria-level={level} aria-expanded={hasChildren ? isOpen : undefined} aria-selected={selected === node.code} data-code={node.code} data-band={node.band} className="tree-node">
      <div className="tree-row">
        {hasChildren ? (
          <button type="button" className="link-button" onClick={toggle} aria-label={isOpen ? t('tree.collapse') : t('tree.expand')}>
            {isOpen ? '▾' : '▸'}
          </button>
        ) : (
          <span aria-hidden="true">·</span>
        )}
        <span aria-hidden="true" style={{ display: 'inline-block', width: '0.8em', height: '0.8em', borderRadius: '50%', background: BAND_COLOURS[node.band], margin: '0 0.4em' }} />
        <button type="button" className="link-button" onClick={() => onSelect(node.code)}>
          {node.name ?? node.code}
        </button>{' '}
        <small className="muted" data-testid="node-counts">
          {t('command.counts', { acknowledged: node.counts.acknowledged, targeted: node.counts.targeted, completed: node.counts.completed, overdue: node.counts.overdue })}
          {node.counts.notReceived > 0 && ` · ${t('command.notReceived', { count: node.counts.notReceived })}`}
          {node.ownState !== null && ` · ${t(`command.states.${node.ownState}`)}`}
        </small>{' '}
        {mustReacknowledge > 0 && (
          <small className="notice" data-testid="must-reacknowledge">
            {t('command.mustReacknowledge', { count: mustReacknowledge })}
          </small>
        )}{' '}
        <small>{t(`command.bands.${node.band}`)}</small>
      </div>
      <ErrorMessage error={error} />
      {isOpen && children && children.length > 0 && (
        <ul role="group">
          {children.map((child) => (
            <TreeRow key={child.code} orderId={orderId} version={version} revision={revision} node={child} selected={selected} onSelect={onSelect} level={level + 1} />
          ))}
          {cursor && (
            <li>
              <button type="button" className="link-button" onClick={() => void load(cursor)}>
                {t('tree.more')}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
