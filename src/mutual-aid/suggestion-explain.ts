import type { CostSource, SuggestionProblem } from './suggestion-model.js';

/** Flows below this are solver noise, not pairs. */
const FLOW_EPSILON = 1e-6;
const ALTERNATIVES_SHOWN = 3;

export interface Alternative {
  readonly code: string;
  readonly name: string;
  readonly unitCost: number;
  /** Extra cost per unit compared with the chosen supporter (negative: cheaper). */
  readonly extraPerUnit: number;
  /** Capacity this supporter has left in the solution. */
  readonly spareCapacity: number;
  /** True when it also supports this recipient in the solution. */
  readonly alsoChosen: boolean;
}

export interface SuggestedPair {
  readonly supporterCode: string;
  readonly supporterName: string;
  readonly recipientCode: string;
  readonly recipientName: string;
  readonly quantity: number;
  readonly unitCost: number;
  readonly cost: number;
  readonly distanceKm: number | null;
  readonly costSource: CostSource;
  /** quantity / the recipient's need. */
  readonly shareOfNeed: number;
  /** quantity / the supporter's capacity. */
  readonly shareOfCapacity: number;
  /** The recipient's next-cheapest other supporters. */
  readonly alternatives: readonly Alternative[];
  /** Cheaper supporters of this recipient that the solution used up elsewhere: why they were not picked. */
  readonly cheaperButFull: readonly string[];
  /** Plain-language reason (English; the web app renders its own from the fields). */
  readonly why: string;
}

export interface SuggestionResult {
  readonly objective: number;
  readonly integer: boolean;
  readonly pairs: readonly SuggestedPair[];
}

function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function describeCost(source: CostSource, distanceKm: number | null, defaultKm: number): string {
  if (source === 'override') return 'a configured cost for this pair';
  if (source === 'distance') return `${Math.round(distanceKm!)} km between centroids`;
  return `no centroid known for one side, so the default distance of ${defaultKm} km`;
}

/** Turns the solver's flows x (column order i·m + j) into explained pairs. */
export function explainSolution(problem: SuggestionProblem, flows: ArrayLike<number>, objective: number): SuggestionResult {
  const n = problem.supporters.length;
  const m = problem.recipients.length;
  const used = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) used[i]! += Math.max(0, flows[i * m + j]!);
  const pairs: SuggestedPair[] = [];
  for (let j = 0; j < m; j++) {
    const recipient = problem.recipients[j]!;
    for (let i = 0; i < n; i++) {
      const quantity = flows[i * m + j]!;
      if (quantity <= FLOW_EPSILON) continue;
      const supporter = problem.supporters[i]!;
      const cost = problem.costs[i * m + j]!;
      const others = problem.supporters
        .map((other, k) => ({ other, k, unitCost: problem.costs[k * m + j]!.unitCost }))
        .filter(({ k }) => k !== i)
        .sort((a, b) => a.unitCost - b.unitCost);
      const spare = (k: number) => round(Math.max(0, problem.supporters[k]!.capacity - used[k]!));
      const alternatives = others.slice(0, ALTERNATIVES_SHOWN).map(({ other, k, unitCost }) => ({
        code: other.code,
        name: other.name,
        unitCost: round(unitCost),
        extraPerUnit: round(unitCost - cost.unitCost),
        spareCapacity: spare(k),
        alsoChosen: flows[k * m + j]! > FLOW_EPSILON,
      }));
      const cheaperButFull = others.filter(({ k, unitCost }) => unitCost < cost.unitCost - 1e-9 && spare(k) <= FLOW_EPSILON && flows[k * m + j]! <= FLOW_EPSILON).map(({ other }) => other.code);
      const shareOfNeed = recipient.need > 0 ? quantity / recipient.need : 0;
      const reasons = [
        `${supporter.name} sends ${round(quantity, 3)} to ${recipient.name} (${Math.round(shareOfNeed * 100)} % of its need) at ${round(cost.unitCost, 1)} per unit: ${describeCost(cost.source, cost.distanceKm, problem.options.defaultDistanceKm)}.`,
      ];
      if (cheaperButFull.length > 0) reasons.push(`Cheaper supporters (${cheaperButFull.join(', ')}) have no capacity left: they serve other regions where they save more.`);
      else if (alternatives.length > 0 && alternatives[0]!.extraPerUnit >= 0) reasons.push(`The next-cheapest alternative costs ${round(alternatives[0]!.extraPerUnit, 1)} more per unit.`);
      pairs.push({
        supporterCode: supporter.code,
        supporterName: supporter.name,
        recipientCode: recipient.code,
        recipientName: recipient.name,
        quantity: round(quantity),
        unitCost: round(cost.unitCost),
        cost: round(quantity * cost.unitCost),
        distanceKm: cost.distanceKm === null ? null : round(cost.distanceKm, 1),
        costSource: cost.source,
        shareOfNeed: round(shareOfNeed),
        shareOfCapacity: round(supporter.capacity > 0 ? quantity / supporter.capacity : 0),
        alternatives,
        cheaperButFull,
        why: reasons.join(' '),
      });
    }
  }
  return { objective: round(objective), integer: problem.integer, pairs };
}
