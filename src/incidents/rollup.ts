import { InvalidInputError } from '../core/errors.js';
import { isWithinPath } from '../core/jurisdiction-code.js';

/**
 * Situation-report figures: counts by key (confirmed, suspected, deaths, recovered, evacuated,
 * injured, missing, sheltered, … any key of lower-case letters, digits and underscores).
 */
export type Figures = Readonly<Record<string, number>>;

export const FIGURE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const FIGURES_MAX_KEYS = 40;

/** Figures as filed: at most 40 keys of the allowed form, each a finite non-negative number. Keys come back sorted. */
export function checkFigures(figures: Readonly<Record<string, unknown>>, field = 'figures'): Figures {
  const keys = Object.keys(figures);
  if (keys.length > FIGURES_MAX_KEYS) throw InvalidInputError.forField(field, `has ${keys.length} keys; at most ${FIGURES_MAX_KEYS} are allowed`);
  const checked: Record<string, number> = {};
  for (const key of keys.sort()) {
    if (!FIGURE_KEY.test(key)) {
      throw InvalidInputError.forField(`${field}.${key}`, 'keys are a lower-case letter then up to 39 lower-case letters, digits or _');
    }
    const value = figures[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw InvalidInputError.forField(`${field}.${key}`, 'must be a non-negative number');
    }
    checked[key] = value;
  }
  return checked;
}

/** A reporting day, YYYY-MM-DD, that exists in the calendar. */
export function checkPeriod(period: string, field = 'period'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  const date = match === null ? undefined : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date === undefined || date.toISOString().slice(0, 10) !== period) {
    throw InvalidInputError.forField(field, 'must be a day as YYYY-MM-DD');
  }
  return period;
}

/** Key-wise sum; a key missing from one side counts as absent, not as zero. */
export function addFigures(a: Figures, b: Figures): Figures {
  const sum: Record<string, number> = { ...a };
  for (const [key, value] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + value;
  return sortKeys(sum);
}

function sortKeys(figures: Figures): Figures {
  return Object.fromEntries(Object.entries(figures).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---------------------------------------------------------------- roll-up

export interface RollupUnit {
  readonly code: string;
  readonly name: string;
  readonly path: string;
}

export interface RollupFiling {
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  readonly figures: Figures;
}

export interface ChildFigures<F extends RollupFiling> {
  readonly code: string;
  readonly name: string;
  /**
   * `filed`: the child's own filing. `below`: the child did not file; its figures are the sum of
   * the topmost filings below it. `none`: nothing filed in the child's subtree.
   */
  readonly source: 'filed' | 'below' | 'none';
  /** Null when `source` is `none`. */
  readonly figures: Figures | null;
  /** The filings counted, topmost first by path. */
  readonly filings: readonly F[];
}

export interface Rollup<F extends RollupFiling> {
  readonly unit: { readonly code: string; readonly name: string };
  /** The unit's own filing, reported beside (never added to) its children's figures. */
  readonly own: F | null;
  readonly children: readonly ChildFigures<F>[];
  /** The children's figures summed. */
  readonly total: Figures;
  /** Direct children with no filing of their own and none anywhere below them. */
  readonly notFiled: readonly { readonly code: string; readonly name: string }[];
}

/**
 * The filings that stand for a subtree: each filing counts unless a unit above it (inside the
 * subtree) filed too, because a unit's own report is taken to include its units' figures. So
 * nothing is counted twice, and a branch where only lower units filed is still counted.
 */
export function topmostFilings<F extends RollupFiling>(filings: readonly F[]): F[] {
  // Sorted by path, an ancestor comes right before all of its descendants.
  const sorted = [...filings].sort((a, b) => (a.jurisdictionPath < b.jurisdictionPath ? -1 : a.jurisdictionPath > b.jurisdictionPath ? 1 : 0));
  const kept: F[] = [];
  for (const filing of sorted) {
    const last = kept[kept.length - 1];
    if (last !== undefined && isWithinPath(last.jurisdictionPath, filing.jurisdictionPath)) continue;
    kept.push(filing);
  }
  return kept;
}

/**
 * Rolls the filings of one period up to `unit`: for each direct child its own filing, or when it
 * did not file, the sum of the topmost filings below it; the total over the children; and the
 * children with nothing filed at all. `filings` are those of the unit's subtree (the unit's own
 * included); filings outside it are ignored.
 */
export function rollUp<F extends RollupFiling>(unit: RollupUnit, children: readonly RollupUnit[], filings: readonly F[]): Rollup<F> {
  const own = filings.find((f) => f.jurisdictionPath === unit.path) ?? null;
  const rows: ChildFigures<F>[] = children.map((child) => {
    const inChild = filings.filter((f) => isWithinPath(child.path, f.jurisdictionPath));
    const counted = topmostFilings(inChild);
    if (counted.length === 0) return { code: child.code, name: child.name, source: 'none', figures: null, filings: [] };
    const figures = counted.reduce<Figures>((sum, f) => addFigures(sum, f.figures), {});
    const source = counted[0]!.jurisdictionPath === child.path ? 'filed' : 'below';
    return { code: child.code, name: child.name, source, figures, filings: counted };
  });
  const total = rows.reduce<Figures>((sum, row) => (row.figures === null ? sum : addFigures(sum, row.figures)), {});
  return {
    unit: { code: unit.code, name: unit.name },
    own,
    children: rows,
    total,
    notFiled: rows.filter((row) => row.source === 'none').map((row) => ({ code: row.code, name: row.name })),
  };
}
