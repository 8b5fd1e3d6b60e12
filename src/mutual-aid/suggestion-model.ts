import { InvalidInputError } from '../core/errors.js';
import { greatCircleKm } from './great-circle.js';

/**
 * The pairing suggestion as an optimisation model (pure: no I/O). Supporters i have a capacity
 * s_i, recipients j a need d_j (in one unit, e.g. medical teams); sending one unit from i to j
 * costs c_ij. Variables x_ij ≥ 0 (units i sends j). Minimise Σ c_ij x_ij + F Σ y_ij subject to
 *
 *   Σ_j x_ij ≤ s_i              (capacity)
 *   Σ_i x_ij ≥ d_j              (need: every need is met, or the model is infeasible)
 *
 * With a cap on supporters per recipient (K), on recipients per supporter (L) or a fixed cost
 * per pair (F > 0), binaries y_ij mark the pairs used: x_ij ≤ min(s_i, d_j)·y_ij,
 * Σ_i y_ij ≤ K, Σ_j y_ij ≤ L — a MIP. Without them it is the transportation LP.
 */
export interface SuggestionParty {
  readonly code: string;
  readonly name: string;
  /** [longitude, latitude] from a named source, or null: never invented. */
  readonly centroid: readonly [number, number] | null;
}

export interface Supporter extends SuggestionParty {
  readonly capacity: number;
}

export interface Recipient extends SuggestionParty {
  readonly need: number;
}

export interface CostOverride {
  readonly supporterCode: string;
  readonly recipientCode: string;
  /** Cost of one unit sent on this pair, replacing the distance-based cost. */
  readonly unitCost: number;
}

export interface SuggestionOptions {
  /** Cost of one unit per km of great-circle distance between centroids. */
  readonly costPerKm: number;
  /** Distance assumed when either centroid is unknown (the explanation says so). */
  readonly defaultDistanceKm: number;
  readonly maxSupportersPerRecipient: number | null;
  readonly maxRecipientsPerSupporter: number | null;
  /** Fixed cost of using a pair at all (favours fewer, larger pairings). */
  readonly pairCost: number;
  readonly costOverrides: readonly CostOverride[];
}

export const DEFAULT_SUGGESTION_OPTIONS: SuggestionOptions = {
  costPerKm: 1,
  defaultDistanceKm: 1000,
  maxSupportersPerRecipient: null,
  maxRecipientsPerSupporter: null,
  pairCost: 0,
  costOverrides: [],
};

export const SUGGESTION_LIMITS = { partiesMax: 1000, pairsMax: 400_000 } as const;

export type CostSource = 'distance' | 'default_distance' | 'override';

export interface PairCost {
  readonly unitCost: number;
  /** Great-circle km between the centroids, or null when one is unknown. */
  readonly distanceKm: number | null;
  readonly source: CostSource;
}

export interface SuggestionProblem {
  readonly supporters: readonly Supporter[];
  readonly recipients: readonly Recipient[];
  readonly options: SuggestionOptions;
  /** costs[i * recipients.length + j]. */
  readonly costs: readonly PairCost[];
  readonly integer: boolean;
}

/** The model as the highs arrays API takes it (CSC matrix); plain data so it crosses to a worker. */
export interface ArraysModel {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** 0 continuous, 1 integer per column; null for an LP. */
  readonly integrality: Int32Array | null;
}

function checkParties(parties: readonly { code: string; value: number }[], field: string, what: string): void {
  const seen = new Set<string>();
  parties.forEach((party, i) => {
    if (!Number.isFinite(party.value) || party.value < 0) throw InvalidInputError.forField(`${field}[${i}].${what}`, 'must be a number ≥ 0');
    if (seen.has(party.code)) throw InvalidInputError.forField(`${field}[${i}].code`, `${party.code} is listed twice`);
    seen.add(party.code);
  });
}

/** Validates the inputs and prices every pair; bad input is a 400 naming the field. */
export function buildProblem(supporters: readonly Supporter[], recipients: readonly Recipient[], options: SuggestionOptions): SuggestionProblem {
  if (supporters.length === 0) throw InvalidInputError.forField('supporters', 'name at least one supporting region');
  if (recipients.length === 0) throw InvalidInputError.forField('recipients', 'name at least one region in need');
  if (supporters.length + recipients.length > SUGGESTION_LIMITS.partiesMax) throw InvalidInputError.forField('supporters', `at most ${SUGGESTION_LIMITS.partiesMax} regions in all`);
  if (supporters.length * recipients.length > SUGGESTION_LIMITS.pairsMax) throw InvalidInputError.forField('recipients', `at most ${SUGGESTION_LIMITS.pairsMax} pairs`);
  checkParties(supporters.map((s) => ({ code: s.code, value: s.capacity })), 'supporters', 'capacity');
  checkParties(recipients.map((r) => ({ code: r.code, value: r.need })), 'recipients', 'need');
  const supporterCodes = new Set(supporters.map((s) => s.code));
  recipients.forEach((r, j) => {
    if (supporterCodes.has(r.code)) throw InvalidInputError.forField(`recipients[${j}].code`, `${r.code} cannot support itself`);
  });
  for (const [key, value] of [['costPerKm', options.costPerKm], ['defaultDistanceKm', options.defaultDistanceKm], ['pairCost', options.pairCost]] as const) {
    if (!Number.isFinite(value) || value < 0) throw InvalidInputError.forField(`options.${key}`, 'must be a number ≥ 0');
  }
  for (const [key, value] of [['maxSupportersPerRecipient', options.maxSupportersPerRecipient], ['maxRecipientsPerSupporter', options.maxRecipientsPerSupporter]] as const) {
    if (value !== null && (!Number.isInteger(value) || value < 1)) throw InvalidInputError.forField(`options.${key}`, 'must be a whole number ≥ 1');
  }
  const overrides = new Map<string, number>();
  options.costOverrides.forEach((o, k) => {
    if (!supporterCodes.has(o.supporterCode)) throw InvalidInputError.forField(`options.costOverrides[${k}].supporterCode`, `${o.supporterCode} is not among the supporters`);
    if (!recipients.some((r) => r.code === o.recipientCode)) throw InvalidInputError.forField(`options.costOverrides[${k}].recipientCode`, `${o.recipientCode} is not among the recipients`);
    if (!Number.isFinite(o.unitCost) || o.unitCost < 0) throw InvalidInputError.forField(`options.costOverrides[${k}].unitCost`, 'must be a number ≥ 0');
    overrides.set(`${o.supporterCode}|${o.recipientCode}`, o.unitCost);
  });
  const totalCapacity = supporters.reduce((sum, s) => sum + s.capacity, 0);
  const totalNeed = recipients.reduce((sum, r) => sum + r.need, 0);
  if (totalNeed > totalCapacity + 1e-9) {
    throw new InfeasibleSuggestionError(`recipients: the total need (${totalNeed}) exceeds the supporters' total capacity (${totalCapacity})`, 'recipients');
  }
  const costs: PairCost[] = [];
  for (const s of supporters) {
    for (const r of recipients) {
      const distanceKm = s.centroid !== null && r.centroid !== null ? greatCircleKm(s.centroid, r.centroid) : null;
      const override = overrides.get(`${s.code}|${r.code}`);
      if (override !== undefined) costs.push({ unitCost: override, distanceKm, source: 'override' });
      else if (distanceKm !== null) costs.push({ unitCost: distanceKm * options.costPerKm, distanceKm, source: 'distance' });
      else costs.push({ unitCost: options.defaultDistanceKm * options.costPerKm, distanceKm: null, source: 'default_distance' });
    }
  }
  const integer = options.maxSupportersPerRecipient !== null || options.maxRecipientsPerSupporter !== null || options.pairCost > 0;
  return { supporters, recipients, options, costs, integer };
}

/** No pairing meets every need under the given capacities and caps (422, with the reason). */
export class InfeasibleSuggestionError extends InvalidInputError {
  override readonly code: string = 'infeasible';
  override readonly status: number = 422;
  constructor(message: string, field: string) {
    super(message, [{ field, message }]);
  }
}

/** Column layout: x_ij at i·m + j, then (MIP) y_ij at n·m + i·m + j. */
export function buildArraysModel(problem: SuggestionProblem): ArraysModel {
  const n = problem.supporters.length;
  const m = problem.recipients.length;
  const pairs = n * m;
  const mip = problem.integer;
  const capK = problem.options.maxSupportersPerRecipient;
  const capL = problem.options.maxRecipientsPerSupporter;
  // Rows: capacity (n), need (m), then for a MIP the links (n·m), the per-recipient caps (m) and per-supporter caps (n).
  const linkRow0 = n + m;
  const recipientCapRow0 = linkRow0 + pairs;
  const supporterCapRow0 = recipientCapRow0 + m;
  const numRows = mip ? supporterCapRow0 + n : n + m;
  const numCols = mip ? 2 * pairs : pairs;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let i = 0; i < n; i++) {
    rowLower[i] = -Infinity;
    rowUpper[i] = problem.supporters[i]!.capacity;
  }
  for (let j = 0; j < m; j++) {
    rowLower[n + j] = problem.recipients[j]!.need;
    rowUpper[n + j] = Infinity;
  }
  if (mip) {
    for (let k = 0; k < pairs; k++) {
      rowLower[linkRow0 + k] = -Infinity;
      rowUpper[linkRow0 + k] = 0;
    }
    for (let j = 0; j < m; j++) {
      rowLower[recipientCapRow0 + j] = -Infinity;
      rowUpper[recipientCapRow0 + j] = capK ?? n;
    }
    for (let i = 0; i < n; i++) {
      rowLower[supporterCapRow0 + i] = -Infinity;
      rowUpper[supporterCapRow0 + i] = capL ?? m;
    }
  }
  const nnz = mip ? pairs * 3 + pairs * 3 : pairs * 2;
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const col = i * m + j;
      starts[col] = p;
      colCost[col] = problem.costs[col]!.unitCost;
      colUpper[col] = Infinity;
      indices[p] = i; values[p++] = 1;
      indices[p] = n + j; values[p++] = 1;
      if (mip) {
        indices[p] = linkRow0 + col; values[p++] = 1;
      }
    }
  }
  if (mip) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const col = pairs + i * m + j;
        starts[col] = p;
        colCost[col] = problem.options.pairCost;
        colUpper[col] = 1;
        indices[p] = linkRow0 + i * m + j; values[p++] = -bigM(problem, i, j);
        indices[p] = recipientCapRow0 + j; values[p++] = 1;
        indices[p] = supporterCapRow0 + i; values[p++] = 1;
      }
    }
  }
  starts[numCols] = p;
  const integrality = mip ? Int32Array.from({ length: numCols }, (_, c) => (c >= pairs ? 1 : 0)) : null;
  return { numCols, numRows, colCost, colLower, colUpper, rowLower, rowUpper, starts, indices, values, integrality };
}

/** The tightest valid bound on x_ij: neither more than i has nor more than j needs. */
function bigM(problem: SuggestionProblem, i: number, j: number): number {
  return Math.max(0, Math.min(problem.supporters[i]!.capacity, problem.recipients[j]!.need));
}

/** Numbers in LP text: full precision, no exponent surprises for the parser. */
function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(17);
}

/** The same model in CPLEX LP format (what `highs.solve` takes); used to cross-check the arrays API. */
export function buildLpText(problem: SuggestionProblem): string {
  const n = problem.supporters.length;
  const m = problem.recipients.length;
  const x = (i: number, j: number) => `x_${i}_${j}`;
  const y = (i: number, j: number) => `y_${i}_${j}`;
  const lines: string[] = ['Minimize', ' obj:'];
  const terms: string[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) terms.push(`+ ${num(problem.costs[i * m + j]!.unitCost)} ${x(i, j)}`);
  if (problem.integer && problem.options.pairCost > 0) for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) terms.push(`+ ${num(problem.options.pairCost)} ${y(i, j)}`);
  for (let k = 0; k < terms.length; k += 50) lines.push(`  ${terms.slice(k, k + 50).join(' ')}`);
  lines.push('Subject To');
  for (let i = 0; i < n; i++) lines.push(` cap_${i}: ${Array.from({ length: m }, (_, j) => `+ ${x(i, j)}`).join(' ')} <= ${num(problem.supporters[i]!.capacity)}`);
  for (let j = 0; j < m; j++) lines.push(` need_${j}: ${Array.from({ length: n }, (_, i) => `+ ${x(i, j)}`).join(' ')} >= ${num(problem.recipients[j]!.need)}`);
  if (problem.integer) {
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) lines.push(` link_${i}_${j}: ${x(i, j)} - ${num(bigM(problem, i, j))} ${y(i, j)} <= 0`);
    const capK = problem.options.maxSupportersPerRecipient ?? n;
    const capL = problem.options.maxRecipientsPerSupporter ?? m;
    for (let j = 0; j < m; j++) lines.push(` per_recipient_${j}: ${Array.from({ length: n }, (_, i) => `+ ${y(i, j)}`).join(' ')} <= ${capK}`);
    for (let i = 0; i < n; i++) lines.push(` per_supporter_${i}: ${Array.from({ length: m }, (_, j) => `+ ${y(i, j)}`).join(' ')} <= ${capL}`);
    lines.push('Binary');
    for (let i = 0; i < n; i++) lines.push(`  ${Array.from({ length: m }, (_, j) => y(i, j)).join(' ')}`);
  }
  lines.push('End');
  return lines.join('\n');
}
