import { ForbiddenError, ServiceUnavailableError } from '../core/errors.js';
import type { ServiceContext } from '../platform/context.js';
import { canPlanFor } from './policy.js';
import { resolveUnit } from './request-service.js';
import { explainSolution, type SuggestionResult } from './suggestion-explain.js';
import { DEFAULT_SUGGESTION_OPTIONS, InfeasibleSuggestionError, buildArraysModel, buildProblem, type CostOverride, type SuggestionOptions } from './suggestion-model.js';
import { solveInWorker } from './solver.js';

export interface SuggestionProps {
  readonly supporters: readonly { code: string; capacity: number }[];
  readonly recipients: readonly { code: string; need: number }[];
  /** What the quantities count (medical teams, persons, …). */
  readonly unit?: string | undefined;
  readonly options?: Partial<Omit<SuggestionOptions, 'costOverrides'>> & { costOverrides?: readonly CostOverride[] | undefined };
  /** True when capacities and needs are made-up figures (the demo's): echoed so no one mistakes them for data. */
  readonly synthetic?: boolean | undefined;
  readonly timeLimitSeconds?: number | undefined;
}

export interface Suggestion extends SuggestionResult {
  readonly unit: string;
  readonly synthetic: boolean;
  readonly solver: { readonly status: string; readonly solveMs: number; readonly model: 'LP' | 'MIP' };
  /** Regions without a known centroid: their costs use the default distance. */
  readonly withoutCentroid: readonly string[];
}

const DEFAULT_TIME_LIMIT_SECONDS = 30;

/**
 * Proposes pairings by optimisation (suggestion-model.ts), solved exactly by HiGHS in a worker
 * thread; nothing is stored. Planners (admin, commander, duty officer, analyst) over every region
 * in need may ask; supporters may be anywhere.
 */
export async function suggestPairings(ctx: ServiceContext, props: SuggestionProps): Promise<Suggestion> {
  const supporters = [];
  for (const [i, s] of props.supporters.entries()) {
    const unit = await resolveUnit(ctx, s.code, `supporters[${i}].code`);
    supporters.push({ code: unit.code, name: unit.nameZh, centroid: unit.centroid, capacity: s.capacity });
  }
  const recipients = [];
  for (const [j, r] of props.recipients.entries()) {
    const unit = await resolveUnit(ctx, r.code, `recipients[${j}].code`);
    if (!canPlanFor(ctx.actor, unit.path)) throw new ForbiddenError(`recipients[${j}].code: planning for ${unit.code} is outside your jurisdiction`);
    recipients.push({ code: unit.code, name: unit.nameZh, centroid: unit.centroid, need: r.need });
  }
  const options: SuggestionOptions = {
    ...DEFAULT_SUGGESTION_OPTIONS,
    ...Object.fromEntries(Object.entries(props.options ?? {}).filter(([, v]) => v !== undefined)),
    costOverrides: props.options?.costOverrides ?? [],
  };
  const problem = buildProblem(supporters, recipients, options);
  const outcome = await solveInWorker({ mode: 'arrays', model: buildArraysModel(problem), timeLimitSeconds: props.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS });
  if (outcome.status === 'infeasible') {
    throw new InfeasibleSuggestionError('options: no pairing meets every need within the capacities and the caps on pairs; raise a cap or a capacity', 'options');
  }
  if (outcome.status !== 'optimal' || outcome.colValue === undefined || outcome.objective === undefined) {
    throw new ServiceUnavailableError(`the solver stopped without a proven optimum (status ${outcome.status}${outcome.message ? `: ${outcome.message}` : ''})`);
  }
  const result = explainSolution(problem, outcome.colValue, outcome.objective);
  return {
    ...result,
    unit: props.unit ?? 'units',
    synthetic: props.synthetic ?? false,
    solver: { status: outcome.status, solveMs: Math.round(outcome.solveMs), model: problem.integer ? 'MIP' : 'LP' },
    withoutCentroid: [...supporters, ...recipients].filter((p) => p.centroid === null).map((p) => p.code),
  };
}
