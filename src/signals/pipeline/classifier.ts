import { DEFAULT_LEXICON, matchLexicon, type Lexicon } from './lexicon.js';
import { SIGNAL_TYPES, isSignalType, type SignalType } from './types.js';

/**
 * Multinomial naive Bayes over tokens, with lexicon hits added as a prior so that an untrained
 * model still classifies by keywords. The model is plain JSON-able data; `train` returns a new
 * model and never changes its argument.
 *
 *   log score(c) = log P(c) + Σ_tokens log P(t | c) + lexiconWeight · lexiconHits(c)
 *   P(c)      = (docs_c + 1) / (docs + |C|)            (Laplace-smoothed class prior)
 *   P(t | c)  = (count_c(t) + α) / (tokens_c + α · |V|) (tokens never seen in training are skipped)
 *
 * Confidence is the softmax of the log scores. Ties (e.g. an untrained model and no lexicon
 * hit) go to `other`.
 */
export interface ClassCounts {
  /** Documents trained with this label. */
  readonly docs: number;
  /** Tokens in those documents. */
  readonly tokens: number;
  /** Token → occurrences in documents of this label. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface NaiveBayesModel {
  readonly version: 1;
  /** Additive smoothing α. */
  readonly alpha: number;
  /** Weight of one unit of lexicon score in log space (e^weight times more likely per unit). */
  readonly lexiconWeight: number;
  readonly classes: Readonly<Partial<Record<SignalType, ClassCounts>>>;
  /** Distinct tokens seen in training, |V|. */
  readonly vocabularySize: number;
}

export interface ModelOptions {
  /** Default 1 (Laplace). */
  readonly alpha?: number;
  /** Default 3 (tuned on the corpus's tuning half). */
  readonly lexiconWeight?: number;
}

export const DEFAULT_ALPHA = 1;
export const DEFAULT_LEXICON_WEIGHT = 3;

/** An empty model: classifies by the lexicon alone until trained. */
export function createModel(options: ModelOptions = {}): NaiveBayesModel {
  return {
    version: 1,
    alpha: options.alpha ?? DEFAULT_ALPHA,
    lexiconWeight: options.lexiconWeight ?? DEFAULT_LEXICON_WEIGHT,
    classes: {},
    vocabularySize: 0,
  };
}

function knowsToken(model: NaiveBayesModel, token: string): boolean {
  for (const cls of Object.values(model.classes)) if (cls !== undefined && Object.hasOwn(cls.counts, token)) return true;
  return false;
}

/** One labelled document for {@link trainMany}. */
export interface TrainingExample {
  readonly tokens: readonly string[];
  readonly label: SignalType;
}

/**
 * Adds labelled documents and returns the new model (the argument is left unchanged; only the
 * classes that receive documents are copied). Use it to fold officers' verdicts into a stored
 * model: parse, train with the verified type, serialise.
 */
export function trainMany(model: NaiveBayesModel, examples: readonly TrainingExample[]): NaiveBayesModel {
  const classes: Partial<Record<SignalType, { docs: number; tokens: number; counts: Record<string, number> }>> = {};
  let vocabularySize = model.vocabularySize;
  const seen = new Set<string>();
  for (const { tokens, label } of examples) {
    let cls = classes[label];
    if (cls === undefined) {
      const old = model.classes[label];
      cls = { docs: old?.docs ?? 0, tokens: old?.tokens ?? 0, counts: { ...(old?.counts ?? {}) } };
      classes[label] = cls;
    }
    cls.docs++;
    cls.tokens += tokens.length;
    for (const token of tokens) {
      if (!seen.has(token) && !knowsToken(model, token)) {
        seen.add(token);
        vocabularySize++;
      }
      cls.counts[token] = (cls.counts[token] ?? 0) + 1;
    }
  }
  return { ...model, classes: { ...model.classes, ...classes }, vocabularySize };
}

/** Adds one labelled document; see {@link trainMany}. */
export function train(model: NaiveBayesModel, tokens: readonly string[], label: SignalType): NaiveBayesModel {
  return trainMany(model, [{ tokens, label }]);
}

export interface Classification {
  readonly type: SignalType;
  /** Probability of `type` under the model (softmax of the scores), 0..1. */
  readonly confidence: number;
  /** Probability of every type; sums to 1. */
  readonly scores: Readonly<Record<SignalType, number>>;
  /** Lexicon terms that matched, per type (empty object when none). */
  readonly lexiconTerms: Readonly<Partial<Record<SignalType, readonly string[]>>>;
}

export interface ClassifyOptions {
  /** Raw text for lexicon matching; the tokens joined by spaces when absent. */
  readonly text?: string;
  readonly lexicon?: Lexicon;
  /** Skip the naive Bayes part (the lexicon-only baseline). */
  readonly lexiconOnly?: boolean;
}

/** Classifies a tokenised text into one of {@link SIGNAL_TYPES}. */
export function classify(model: NaiveBayesModel, tokens: readonly string[], options: ClassifyOptions = {}): Classification {
  const hits = matchLexicon(options.text ?? tokens.join(' '), options.lexicon ?? DEFAULT_LEXICON);
  const totalDocs = Object.values(model.classes).reduce((sum, cls) => sum + (cls?.docs ?? 0), 0);
  const useBayes = !options.lexiconOnly && totalDocs > 0;
  const known = useBayes ? tokens.filter((token) => knowsToken(model, token)) : [];
  const logScores = SIGNAL_TYPES.map((type) => {
    let score = model.lexiconWeight * (hits[type]?.score ?? 0);
    if (useBayes) {
      const cls = model.classes[type];
      const docs = cls?.docs ?? 0;
      const clsTokens = cls?.tokens ?? 0;
      score += Math.log((docs + 1) / (totalDocs + SIGNAL_TYPES.length));
      const denominator = Math.log(clsTokens + model.alpha * Math.max(1, model.vocabularySize));
      for (const token of known) score += Math.log((cls?.counts[token] ?? 0) + model.alpha) - denominator;
    }
    return score;
  });
  let best = SIGNAL_TYPES.indexOf('other');
  for (let i = 0; i < SIGNAL_TYPES.length; i++) if (logScores[i]! > logScores[best]!) best = i;
  const max = logScores[best]!;
  const exps = logScores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const scores = Object.fromEntries(SIGNAL_TYPES.map((type, i) => [type, exps[i]! / sum])) as Record<SignalType, number>;
  const lexiconTerms = Object.fromEntries(Object.entries(hits).map(([type, h]) => [type, h.terms]));
  return { type: SIGNAL_TYPES[best]!, confidence: scores[SIGNAL_TYPES[best]!], scores, lexiconTerms };
}

/** JSON text of a model, for storage. */
export function serialiseModel(model: NaiveBayesModel): string {
  return JSON.stringify(model);
}

/** Reads a model written by {@link serialiseModel}; throws on anything else. */
export function parseModel(json: string): NaiveBayesModel {
  const data = JSON.parse(json) as Partial<NaiveBayesModel> | null;
  if (data === null || typeof data !== 'object' || data.version !== 1) throw new Error('not a naive Bayes model (version 1)');
  if (typeof data.alpha !== 'number' || typeof data.lexiconWeight !== 'number' || typeof data.vocabularySize !== 'number') {
    throw new Error('naive Bayes model: alpha, lexiconWeight and vocabularySize must be numbers');
  }
  const classes: Partial<Record<SignalType, ClassCounts>> = {};
  for (const [label, cls] of Object.entries(data.classes ?? {})) {
    if (!isSignalType(label)) throw new Error(`naive Bayes model: unknown class "${label}"`);
    if (typeof cls?.docs !== 'number' || typeof cls.tokens !== 'number' || typeof cls.counts !== 'object' || cls.counts === null) {
      throw new Error(`naive Bayes model: class "${label}" is malformed`);
    }
    classes[label] = { docs: cls.docs, tokens: cls.tokens, counts: cls.counts };
  }
  return { version: 1, alpha: data.alpha, lexiconWeight: data.lexiconWeight, classes, vocabularySize: data.vocabularySize };
}
