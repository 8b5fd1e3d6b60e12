import type { EventType } from '../core/incident-types.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { UnitOfWork } from '../platform/context.js';
import { createModel, parseModel, serialiseModel, train, type NaiveBayesModel } from './pipeline/classifier.js';
import { CREDIBILITY_PRIORS, credibility, type ReporterKind } from './pipeline/credibility.js';
import type { Signal } from './model.js';
import * as store from './store.js';

export const MODEL_NAME = 'signal-type';

/** The classifier as officers have taught it so far (the lexicon-only model before any verdict). */
export async function loadClassifier(db: Db | Tx): Promise<{ model: NaiveBayesModel; trainedOn: number }> {
  const stored = await store.loadModel(db, MODEL_NAME);
  return stored === undefined ? { model: createModel(), trainedOn: 0 } : { model: parseModel(stored.modelJson), trainedOn: stored.trainedOn };
}

/** Which prior a reporter key starts from: report reporters by their kind, feeds by their kind. */
export function priorKindOf(reporterKind: string): ReporterKind {
  if (reporterKind === 'unit' || reporterKind === 'cap') return 'authenticated_unit';
  if (reporterKind === 'folk_professional') return 'folk_professional';
  return 'public';
}

/** A reporter's (or source's) current credibility: the posterior mean of its verdicts. */
export async function credibilityFor(db: Db | Tx, reporterKey: string, kind: ReporterKind): Promise<number> {
  const counts = await store.loadCredibility(db, reporterKey);
  const prior = CREDIBILITY_PRIORS[kind];
  return credibility({
    verified: counts?.verified ?? 0,
    rejected: counts?.rejected ?? 0,
    priorAlpha: counts?.priorAlpha ?? prior.alpha,
    priorBeta: counts?.priorBeta ?? prior.beta,
  }).mean;
}

/**
 * What a verdict teaches, in the verdict's own transaction: the classifier learns each confirmed
 * signal's tokens under the confirmed type (`finalType`; null for a rejection, which teaches no
 * type), and each reporter's credibility counts one verified or rejected report. Duplicates teach
 * the classifier nothing new and are skipped there, but still count for their reporter.
 */
export async function learnFromVerdict(unit: UnitOfWork, signals: readonly Signal[], finalType: EventType | null): Promise<void> {
  const now = unit.now.toISOString();
  if (finalType !== null) {
    const { model, trainedOn } = await loadClassifier(unit.tx);
    let next = model;
    let taught = 0;
    for (const signal of signals) {
      if (signal.duplicateOf !== null || signal.tokens.length === 0) continue;
      next = train(next, signal.tokens, finalType);
      taught++;
    }
    if (taught > 0) await store.saveModel(unit.tx, MODEL_NAME, serialiseModel(next), trainedOn + taught, now);
  }
  const perReporter = new Map<string, number>();
  for (const signal of signals) {
    if (signal.reporterKey !== null) perReporter.set(signal.reporterKey, (perReporter.get(signal.reporterKey) ?? 0) + 1);
  }
  for (const [reporterKey, count] of perReporter) {
    const kind = reporterKey.split(':')[1] ?? 'public';
    const prior = CREDIBILITY_PRIORS[priorKindOf(kind)];
    await store.addCredibilityVerdicts(
      unit.tx,
      reporterKey,
      { alpha: prior.alpha, beta: prior.beta },
      finalType === null ? { verified: 0, rejected: count } : { verified: count, rejected: 0 },
      now,
    );
  }
}

/** Reporter keys are "<origin>:<kind>:<id>": report:unit:<reporterId>, source:rss:<sourceId>. */
export function reporterKey(origin: 'report' | 'source', kind: string, id: string): string {
  return `${origin}:${kind}:${id}`;
}
